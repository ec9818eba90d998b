"""Wrong versions of each exercise's reference solution that its checks must reject.

Each entry: (what is wrong, text in the solution, replacement). The text must occur in the
solution (a mutation that changes nothing would prove nothing). Besides these, the harness
derives more by itself (every `HTTPStatus.X` swapped, every `response["Header"] = ...`
removed): see exercises.py.
"""

MUTATIONS = {
    "json-list": [
        ("no safe=False (TypeError, 500)", "JsonResponse(articles, safe=False)", "JsonResponse(articles)"),
        ("wrapped in an object", "JsonResponse(articles, safe=False)", 'JsonResponse({"articles": articles})'),
        ("201 instead of 200", "safe=False)", "safe=False, status=201)"),
        ("newest first", 'order_by("id")', 'order_by("-id")'),
        ("ordered by title", 'order_by("id")', 'order_by("title")'),
    ],
    "created-with-location": [
        ("200 instead of 201", "status=HTTPStatus.CREATED", "status=HTTPStatus.OK"),
        ("no Location", 'response["Location"] = f"/api/articles/{article.id}/"', "pass"),
        ("Location without the id", 'f"/api/articles/{article.id}/"', '"/api/articles/"'),
        ("no check of the title", "    if not title:\n", "    if False:\n"),
        ("created before the title is checked (side effect)", "    if not title:\n",
         '    Article.objects.create(title=title or "")\n    if not title:\n'),
        ("201 that creates nothing (side effect)", "article = Article.objects.create(title=title)",
         "article = Article(id=1, title=title)"),
    ],
    "delete-no-content": [
        ("200 instead of 204", "status=HTTPStatus.NO_CONTENT", "status=HTTPStatus.OK"),
        ("no 404 for a missing article", "get_object_or_404(Article, id=article_id)",
         "Article.objects.filter(id=article_id).first() or Article(id=0)"),
        ("204 without deleting (side effect)", "    article.delete()\n", ""),
        ("deletes every article (side effect)", "article.delete()", "Article.objects.all().delete()"),
    ],
    "redirect-after-post": [
        ("a page instead of the 302", 'return redirect("thanks")', 'return HttpResponse("Thank you!")'),
        ("302 instead of 303", "status=HTTPStatus.SEE_OTHER", "status=HTTPStatus.FOUND"),
        ("303 without Location", 'response["Location"] = f"/api/exports/{export_id}/status/"', "pass"),
        ("303 to the wrong place", 'f"/api/exports/{export_id}/status/"', '"/api/exports/status/"'),
    ],
    "etag-not-modified": [
        ("no @etag", "@etag(article_etag)\n", ""),
        ("an ETag that ignores the title", 'return f"{article.id}-{article.title}"', "return str(article.id)"),
        ("a weak ETag", 'return f"{article.id}-{article.title}"', "return f'W/\"{article.id}-{article.title}\"'"),
    ],
    "permanent-redirects": [
        ("302 instead of 301", 'redirect("/about/", permanent=True)', 'redirect("/about/")'),
        ("301 instead of 308", 'permanent=True, preserve_request=True', "permanent=True"),
        ("307 instead of 308", 'permanent=True, preserve_request=True', "preserve_request=True"),
    ],
    "api-unauthorized": [
        ("no WWW-Authenticate", "response[\"WWW-Authenticate\"] = 'Bearer realm=\"api\"'", "pass"),
        ("a Basic challenge for a Bearer API", "'Bearer realm=\"api\"'", "'Basic realm=\"api\"'"),
        ("any token accepted", "TOKENS.get(token.strip())", '"alice"'),
        ("the session instead of the token",
         '    scheme, _, token = request.headers.get("Authorization", "").partition(" ")\n'
         '    username = TOKENS.get(token.strip()) if scheme.lower() == "bearer" else None\n',
         "    username = request.user.username if request.user.is_authenticated else None\n"),
        ("403 instead of 401", "status=HTTPStatus.UNAUTHORIZED", "status=HTTPStatus.FORBIDDEN"),
        ("@login_required again", "def profile(request):",
         "from django.contrib.auth.decorators import login_required\n\n\n@login_required\ndef profile(request):"),
    ],
    "forbidden-or-login": [
        ("no 403 for a plain user", '        raise PermissionDenied("staff only")\n', "        pass\n"),
        ("no login redirect for anonymous", "@login_required\n", ""),
        ("login redirect for a plain user too", 'raise PermissionDenied("staff only")',
         'from django.contrib.auth.views import redirect_to_login\n        return redirect_to_login(request.get_full_path())'),
    ],
    "json-not-found": [
        ("HTML 404", 'return JsonResponse({"error": "not found"}, status=HTTPStatus.NOT_FOUND)',
         'from django.http import Http404\n        raise Http404("not found")'),
        ("200 for a missing article", "status=HTTPStatus.NOT_FOUND", "status=HTTPStatus.OK"),
    ],
    "method-not-allowed": [
        ("HEAD refused", "@require_safe\ndef article_list",
         'from django.views.decorators.http import require_http_methods\n\n\n@require_http_methods(["GET"])\ndef article_list'),
        ("405 without Allow", "@require_POST\ndef ping(request):\n",
         'def ping(request):\n    if request.method != "POST":\n        return HttpResponse(status=405)\n'),
        ("ping allows GET", "@require_POST\ndef ping",
         'from django.views.decorators.http import require_http_methods\n\n\n@require_http_methods(["GET", "POST"])\ndef ping'),
    ],
    "conflict-duplicate": [
        ("400 instead of 409", "status=HTTPStatus.CONFLICT", "status=HTTPStatus.BAD_REQUEST"),
        ("no duplicate handling (IntegrityError, 500)", "    except IntegrityError:\n", "    except ValueError:\n"),
        ("201 that creates nothing (side effect)", "product = Product.objects.create(name=name)",
         "product = Product(id=Product.objects.count() + 1, name=name)"),
        ("409 after deleting the existing product (side effect)", "    except IntegrityError:\n",
         "    except IntegrityError:\n        Product.objects.filter(name=name).delete()\n"),
    ],
    "gone": [
        ("404 instead of 410", 'return HttpResponseGone("This promotion has ended.")', 'raise Http404("ended")'),
        ("410 for everything missing", '    raise Http404("no such promotion")', '    return HttpResponseGone("gone")'),
    ],
    "if-match": [
        ("no @condition", "@condition(etag_func=article_etag)\n", ""),
        ("PUT without save() (side effect)", "        article.save()\n", ""),
        ("412 after saving (side effect)",
         "@condition(etag_func=article_etag)\ndef article_detail(request, article_id):\n"
         "    article = get_object_or_404(Article, id=article_id)\n"
         "    if request.method == \"PUT\":\n"
         "        article.title = json.loads(request.body)[\"title\"]\n"
         "        article.save()\n"
         "    return JsonResponse({\"id\": article.id, \"title\": article.title})\n",
         "def article_detail(request, article_id):\n"
         "    article = get_object_or_404(Article, id=article_id)\n"
         "    tag = f'\"{article_etag(request, article_id)}\"'\n"
         "    if request.method == \"PUT\":\n"
         "        article.title = json.loads(request.body)[\"title\"]\n"
         "        article.save()\n"
         "        if request.headers.get(\"If-Match\") != tag:\n"
         "            return JsonResponse({\"error\": \"stale\"}, status=412)\n"
         "    response = JsonResponse({\"id\": article.id, \"title\": article.title})\n"
         "    response[\"ETag\"] = tag\n"
         "    return response\n"),
    ],
    "validation-codes": [
        ("400 instead of 415", "status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE", "status=HTTPStatus.BAD_REQUEST"),
        ("422 for broken JSON", 'status=HTTPStatus.BAD_REQUEST)', "status=422)"),
        ("400 instead of 422", "return JsonResponse({\"errors\": errors}, status=422)",
         "return JsonResponse({\"errors\": errors}, status=400)"),
        ("negative prices accepted", "if price < 0:", "if False:"),
        ("a draft created before the 422 (side effect)", "    if errors:\n",
         '    if errors:\n        Product.objects.create(name="draft")\n'),
    ],
    "rate-limit": [
        ("no Retry-After", 'response["Retry-After"] = str(PERIOD)', "pass"),
        ("403 instead of 429", "status=HTTPStatus.TOO_MANY_REQUESTS", "status=HTTPStatus.FORBIDDEN"),
        ("off by one", "if count > LIMIT:", "if count > LIMIT + 1:"),
        ("429 with another body", '{"error": "too many requests"}', '{"detail": "slow down"}'),
    ],
    "server-error": [
        ("catch-all again", "    prices = [product.price for product in Product.objects.all()]\n"
                            "    average = sum(prices) / len(prices)\n",
         "    try:\n        prices = [product.price for product in Product.objects.all()]\n"
         "        average = sum(prices) / len(prices)\n    except Exception as error:\n"
         "        return JsonResponse({\"error\": str(error)}, status=500)\n"),
        ("a JSON 500 without the exception", "    average = sum(prices) / len(prices)\n",
         "    if not prices:\n        return JsonResponse({\"error\": \"oops\"}, status=500)\n"
         "    average = sum(prices) / len(prices)\n"),
        ("a hand-built 500 with Django's text (no signal)", "    average = sum(prices) / len(prices)\n",
         "    if not prices:\n        from django.http import HttpResponseServerError\n"
         "        return HttpResponseServerError(\"<h1>Server Error (500)</h1>\")\n"
         "    average = sum(prices) / len(prices)\n"),
    ],
    "csrf-json-api": [
        ("API not exempt", "@csrf_exempt\n@require_POST\ndef api_ping", "@require_POST\ndef api_ping"),
        ("the browser view exempted too", "@login_required\n@require_POST\ndef add_note",
         "@csrf_exempt\n@login_required\n@require_POST\ndef add_note"),
        ("no WWW-Authenticate", "response[\"WWW-Authenticate\"] = 'Bearer realm=\"api\"'", "pass"),
        ("the note is not saved (side effect)",
         'article = Article.objects.create(title=request.POST.get("title", "note"), author=request.user)',
         'article = Article(id=1, title=request.POST.get("title", "note"), author=request.user)'),
    ],
    "rest-resource": [
        ("200 after DELETE", "return HttpResponse(status=HTTPStatus.NO_CONTENT)",
         "return JsonResponse({\"deleted\": True})"),
        ("PUT accepts a partial body", 'request.method == "PUT" and not fields <= data.keys()', "False"),
        ("no 405 for other methods", '@require_http_methods(["GET", "PUT", "PATCH", "DELETE"])\n', ""),
        ("POST answers 200", "status=HTTPStatus.CREATED", "status=HTTPStatus.OK"),
        ("no Location", 'response["Location"] = f"/api/products/{product.id}/"', "pass"),
        ("PUT/PATCH without save() (side effect)", "        product.save()\n        product.refresh_from_db()\n", ""),
        ("DELETE deletes every product (side effect)", "product.delete()", "Product.objects.all().delete()"),
        ("DELETE deletes nothing (side effect)", "        product.delete()\n", ""),
    ],
    # ---- DRF
    "drf-validation": [
        ("422 instead of 400", "status.HTTP_400_BAD_REQUEST", "status.HTTP_422_UNPROCESSABLE_ENTITY"),
        ("200 instead of 201", "status.HTTP_201_CREATED", "status.HTTP_200_OK"),
        ("errors wrapped in another key", "Response(serializer.errors,", 'Response({"errors": serializer.errors},'),
        ("valid but never saved (side effect)", "        serializer.save()\n", ""),
        ("saved before validating (side effect)", "        if not serializer.is_valid():",
         '        Product.objects.get_or_create(name=str(request.data.get("name", "")))\n        if not serializer.is_valid():'),
    ],
    "drf-token-auth": [
        ("session only (403, no challenge)", "[TokenAuthentication, SessionAuthentication]", "[SessionAuthentication]"),
        ("session first (403, no challenge)", "[TokenAuthentication, SessionAuthentication]",
         "[SessionAuthentication, TokenAuthentication]"),
        ("token only: the session no longer signs in", "[TokenAuthentication, SessionAuthentication]",
         "[TokenAuthentication]"),
        ("anonymous let in", "permission_classes = [IsAuthenticated]", "permission_classes = []"),
    ],
    "drf-object-permission": [
        ("anyone may change it (side effect)", "return obj.author == request.user", "return True"),
        ("staff may change it (side effect)", "return obj.author == request.user", "return request.user.is_staff"),
        ("nobody else may read it", "        if request.method in permissions.SAFE_METHODS:\n            return True\n", ""),
        ("others get 404 (filtered queryset)", "    queryset = Article.objects.all()\n",
         "    def get_queryset(self):\n        return Article.objects.filter(author=self.request.user)\n"),
    ],
    "drf-throttling": [
        ("no throttle", "throttle_classes = [AnonRateThrottle]", "throttle_classes = []"),
        ("UserRateThrottle: no rate named for it (500)", "throttle_classes = [AnonRateThrottle]",
         "from rest_framework.throttling import UserRateThrottle\n    throttle_classes = [UserRateThrottle]"),
        ("a rate of its own: three a minute", "throttle_classes = [AnonRateThrottle]",
         "throttle_classes = [type(\"ThreePerMinute\", (AnonRateThrottle,), {\"rate\": \"3/minute\"})]"),
    ],
    "drf-viewset": [
        ("no destroy (405)", "    mixins.DestroyModelMixin,\n", ""),
        ("no create (405)", "    mixins.CreateModelMixin,\n", ""),
        ("destroy that keeps the row (side effect)", "    serializer_class = ProductSerializer\n",
         "    serializer_class = ProductSerializer\n\n    def perform_destroy(self, instance):\n        pass\n"),
        ("create that saves nothing (side effect)", "    serializer_class = ProductSerializer\n",
         "    serializer_class = ProductSerializer\n\n    def perform_create(self, serializer):\n        pass\n"),
    ],
    "drf-exception-handler": [
        ("a new Response: the challenge is lost", "    response.data[\"status\"] = response.status_code\n    return response\n",
         "    return Response({**response.data, \"status\": response.status_code}, status=response.status_code)\n"),
        ("no status in the body", '    response.data["status"] = response.status_code\n', ""),
        ("the status as text", 'response.data["status"] = response.status_code', 'response.data["status"] = str(response.status_code)'),
        ("every error a 400", "    return response\n", "    response.status_code = 400\n    return response\n"),
    ],
    # ---- the learner writes the tests: wrong test modules (miss a wrong view, or fail the right one)
    "test-created": [
        ("no Location assertion", '        self.assertEqual(response.headers["Location"], f"/api/articles/{article.id}/")\n', ""),
        ("no row count after the 400", "        self.assertEqual(Article.objects.count(), 0)\n", ""),
        ("never reads the row (side effect missed)", "        article = Article.objects.get()\n        self.assertEqual(article.title, \"Hi\")\n",
         "        article = Article(id=1)\n"),
        ("expects 200 (fails on the right view)", "self.assertEqual(response.status_code, 201)", "self.assertEqual(response.status_code, 200)"),
    ],
    "test-token-auth": [
        ("no challenge assertion", '        self.assertEqual(response.headers["WWW-Authenticate"], "Token")\n', ""),
        ("no signed-in test", "    def test_a_token_signs_in(self):", "    def a_token_signs_in(self):"),
        ("expects 403 (fails on the right view)", "self.assertEqual(response.status_code, 401)", "self.assertEqual(response.status_code, 403)"),
    ],
    "test-delete": [
        ("never checks the row is gone (side effect missed)", "        self.assertFalse(Article.objects.filter(pk=article.pk).exists())\n", ""),
        ("never checks the other article (side effect missed)", "        self.assertTrue(Article.objects.filter(pk=other.pk).exists())\n", ""),
        ("no missing-article test", "    def test_missing_article_is_404(self):", "    def missing_article_is_404(self):"),
        ("expects 200 (fails on the right view)", "self.assertEqual(response.status_code, 204)", "self.assertEqual(response.status_code, 200)"),
    ],
    "test-throttle": [
        ("no cache clear (fails on the right view)", "    def setUp(self):\n        cache.clear()\n\n", ""),
        ("no Retry-After check", '        self.assertGreater(int(third.headers["Retry-After"]), 0)\n', ""),
        ("only the third call checked", "        self.assertEqual([first.status_code, second.status_code], [200, 200])\n", ""),
    ],
    "choose-stale-edit": [
        ("400 for the clash", "status=HTTPStatus.CONFLICT", "status=HTTPStatus.BAD_REQUEST"),
        ("412 without an If-Match header", "status=HTTPStatus.CONFLICT", "status=HTTPStatus.PRECONDITION_FAILED"),
        ("saves anyway (side effect)", ".filter(id=article.id, title=data[\"old_title\"])", ".filter(id=article.id)"),
        ("no current title in the body", '{"current_title": article.title}', '{"error": "changed"}'),
    ],
    "choose-private-article": [
        ("401 for a logged-in user who is not the author",
         "get_object_or_404(Article, id=article_id, author=request.user)",
         "get_object_or_404(Article, id=article_id)\n    if article.author != request.user:\n"
         "        return JsonResponse({}, status=401)"),
        ("not even the author sees the draft", "author=request.user)", "author__isnull=True)"),
        ("anyone may read any draft", ", author=request.user)", ")"),
    ],
    "choose-wrong-format": [
        ("400 for a format problem", "status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE", "status=HTTPStatus.BAD_REQUEST"),
        ("422 for a format problem", "status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE", "status=HTTPStatus.UNPROCESSABLE_ENTITY"),
        ("parses the form anyway", 'if request.content_type != "application/json":', "if False:"),
        ("no name check: creates the nameless product (side effect)", 'if not data.get("name"):', "if False:"),
    ],
    "choose-retired-api": [
        ("503 says try later", "status=HTTPStatus.GONE", "status=HTTPStatus.SERVICE_UNAVAILABLE"),
        ("redirect to v2", 'return JsonResponse({"use": "/api/v2/"}, status=HTTPStatus.GONE)',
         'from django.shortcuts import redirect\n    return redirect("/api/v2/" + rest)'),
        ("no new version named", '{"use": "/api/v2/"}', '{"error": "gone"}'),
    ],
    "diagnose-reports": [
        ("require_GET kept: HEAD gets 405", "import require_safe", "import require_GET as require_safe"),
        ("user_passes_test kept: logged-in users loop to the login page",
         "@require_safe\n@login_required\ndef reports(request):\n    if not request.user.is_staff:\n"
         "        raise PermissionDenied(\"staff only\")\n",
         "from django.contrib.auth.decorators import user_passes_test\n\n\n@require_safe\n@login_required\n"
         "@user_passes_test(lambda user: user.is_staff)\ndef reports(request):\n"),
        ("login_required dropped: anonymous gets 403", "@require_safe\n@login_required\n", "@require_safe\n"),
    ],
}
