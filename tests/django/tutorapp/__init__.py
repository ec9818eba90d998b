"""The test app the course samples live in: each sample is loaded as a module of this
package (``tutorapp.sample_<page>_<block>``), so ``from .models import Article`` works."""
