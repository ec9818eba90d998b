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
    ],
    "created-with-location": [
        ("200 instead of 201", "status=HTTPStatus.CREATED", "status=HTTPStatus.OK"),
        ("no Location", 'response["Location"] = f"/api/articles/{article.id}/"', "pass"),
        ("Location without the id", 'f"/api/articles/{article.id}/"', '"/api/articles/"'),
        ("no check of the title", "    if not title:\n", "    if False:\n"),
    ],
    "delete-no-content": [
        ("200 instead of 204", "status=HTTPStatus.NO_CONTENT", "status=HTTPStatus.OK"),
        ("no 404 for a missing article", "get_object_or_404(Article, id=article_id)",
         "Article.objects.filter(id=article_id).first() or Article(id=0)"),
    ],
    "redirect-after-post": [
        ("a page instead of the 302", 'return redirect("thanks")', 'return HttpResponse("Thank you!")'),
        ("302 instead of 303", "status=HTTPStatus.SEE_OTHER", "status=HTTPStatus.FOUND"),
        ("303 without Location", 'response["Location"] = f"/api/exports/{export_id}/status/"', "pass"),
    ],
    "etag-not-modified": [
        ("no @etag", "@etag(article_etag)\n", ""),
        ("an ETag that ignores the title", 'return f"{article.id}-{article.title}"', "return str(article.id)"),
    ],
    "permanent-redirects": [
        ("302 instead of 301", 'redirect("/about/", permanent=True)', 'redirect("/about/")'),
        ("301 instead of 308", 'permanent=True, preserve_request=True', "permanent=True"),
        ("307 instead of 308", 'permanent=True, preserve_request=True', "preserve_request=True"),
    ],
    "api-unauthorized": [
        ("no WWW-Authenticate", "response[\"WWW-Authenticate\"] = 'Bearer realm=\"api\"'", "pass"),
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
    ],
    "conflict-duplicate": [
        ("400 instead of 409", "status=HTTPStatus.CONFLICT", "status=HTTPStatus.BAD_REQUEST"),
        ("no duplicate check", "if Product.objects.filter(name=name).exists():", "if False:"),
    ],
    "gone": [
        ("404 instead of 410", 'return HttpResponseGone("This promotion has ended.")', 'raise Http404("ended")'),
        ("410 for everything missing", '    raise Http404("no such promotion")', '    return HttpResponseGone("gone")'),
    ],
    "if-match": [
        ("no @condition", "@condition(etag_func=article_etag)\n", ""),
    ],
    "validation-codes": [
        ("400 instead of 415", "status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE", "status=HTTPStatus.BAD_REQUEST"),
        ("422 for broken JSON", 'status=HTTPStatus.BAD_REQUEST)', "status=422)"),
        ("400 instead of 422", "return JsonResponse({\"errors\": errors}, status=422)",
         "return JsonResponse({\"errors\": errors}, status=400)"),
        ("negative prices accepted", "if price < 0:", "if False:"),
    ],
    "rate-limit": [
        ("no Retry-After", 'response["Retry-After"] = str(PERIOD)', "pass"),
        ("403 instead of 429", "status=HTTPStatus.TOO_MANY_REQUESTS", "status=HTTPStatus.FORBIDDEN"),
        ("off by one", "if count > LIMIT:", "if count > LIMIT + 1:"),
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
    ],
    "csrf-json-api": [
        ("API not exempt", "@csrf_exempt\n@require_POST\ndef api_ping", "@require_POST\ndef api_ping"),
        ("the browser view exempted too", "@login_required\n@require_POST\ndef add_note",
         "@csrf_exempt\n@login_required\n@require_POST\ndef add_note"),
        ("no WWW-Authenticate", "response[\"WWW-Authenticate\"] = 'Bearer realm=\"api\"'", "pass"),
    ],
    "rest-resource": [
        ("200 after DELETE", "return HttpResponse(status=HTTPStatus.NO_CONTENT)",
         "return JsonResponse({\"deleted\": True})"),
        ("PUT accepts a partial body", 'request.method == "PUT" and not fields <= data.keys()', "False"),
        ("no 405 for other methods", '@require_http_methods(["GET", "PUT", "PATCH", "DELETE"])\n', ""),
        ("POST answers 200", "status=HTTPStatus.CREATED", "status=HTTPStatus.OK"),
        ("no Location", 'response["Location"] = f"/api/products/{product.id}/"', "pass"),
    ],
}
