//! The audit's rules on exception handlers and view set-up, on true cases (it must speak,
//! on the right line) and on look-alikes (the correct pattern next to the wrong one: silent).
use status_tutor::audit::{audit_source, python_parser, rules};

/// The lines `rule` reports in `source`.
fn lines(rule: &str, source: &str) -> Vec<usize> {
    let rule = rules::find(rule).expect("a known rule");
    let mut parser = python_parser().expect("the Python grammar loads");
    audit_source(&mut parser, "views.py", source, &[rule]).findings.iter().map(|f| f.line).collect()
}

#[test]
fn broad_except_true_and_look_alikes() {
    let source = r#"
import logging
from django.http import JsonResponse
logger = logging.getLogger(__name__)

def pay(request):
    try:
        charge(request)
    except Exception as e:
        return JsonResponse({"error": str(e)}, status=500)
    try:
        charge(request)
    except:
        return JsonResponse({"error": "failed"}, status=400)
    try:
        charge(request)
    except Exception:
        logger.exception("charge failed")
        return JsonResponse({"error": "failed"}, status=500)
    try:
        charge(request)
    except ValueError:
        return JsonResponse({"error": "bad amount"}, status=400)
    try:
        charge(request)
    except Exception:
        pass
    return JsonResponse({"ok": True})

def helper(data):
    try:
        return parse(data)
    except Exception:
        return JsonResponse({}, status=500)
"#;
    assert_eq!(lines("broad-except-response", source), [9, 13]);
}

#[test]
fn login_required_api_true_and_look_alikes() {
    let source = r#"
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views import View
from django.shortcuts import render

@login_required
@require_GET
def api_items(request):
    return JsonResponse({"items": []})

class ApiItems(LoginRequiredMixin, View):
    def get(self, request):
        return JsonResponse({"items": []})
    def post(self, request):
        return JsonResponse({"ok": True}, status=201)

@login_required
def page(request):
    return render(request, "items.html")

@login_required
def mixed(request):
    if request.headers.get("accept") == "application/json":
        return JsonResponse({"items": []})
    return render(request, "items.html")

def public_api(request):
    return JsonResponse({"items": []})

class Page(LoginRequiredMixin, View):
    def get(self, request):
        return render(request, "page.html")

@login_required
def cve_json_record(request, cve_id):
    return JsonResponse(issue.cve_data)

@login_required
def save_draft(request):
    draft = json.loads(request.body)
    return JsonResponse({"saved": True})
"#;
    assert_eq!(lines("login-required-api", source), [7, 13, 39]);
}

#[test]
fn put_reads_post_true_and_look_alikes() {
    let source = r#"
import json
from django.views import View
from django.views.decorators.http import require_http_methods

class Item(View):
    def put(self, request, pk):
        name = request.POST.get("name")
        return JsonResponse({"name": name})
    def post(self, request):
        return JsonResponse({"name": request.POST.get("name")})

@require_http_methods(["PUT"])
def update(request, pk):
    return JsonResponse({"name": request.POST["name"]})

def item(request, pk):
    if request.method == "PUT":
        data = request.POST
    elif request.method == "POST":
        data = request.POST
    else:
        data = json.loads(request.body)
    return JsonResponse(data)

@require_http_methods(["POST", "PUT"])
def either(request, pk):
    return JsonResponse({"name": request.POST.get("name")})

class Api(APIView):
    def put(self, request, pk):
        return Response({"name": request.POST.get("name")})
"#;
    assert_eq!(lines("put-reads-post", source), [8, 15, 19]);
}

#[test]
fn client_error_5xx_true_and_look_alikes() {
    let source = r#"
import json
from django.http import JsonResponse
from django.core.exceptions import ValidationError

def create(request):
    try:
        data = json.loads(request.body)
    except json.JSONDecodeError:
        return JsonResponse({"error": "bad json"}, status=500)
    try:
        amount = int(request.GET["amount"])
    except (KeyError, ValueError):
        return JsonResponse({"error": "bad amount"}, status=503)
    try:
        item.full_clean()
    except ValidationError as e:
        return JsonResponse({"errors": e.messages}, status=500)
    try:
        amount = int(request.GET["amount"])
    except ValueError:
        return JsonResponse({"error": "bad amount"}, status=400)
    try:
        rate = settings.RATES["eur"]
    except KeyError:
        return JsonResponse({"error": "misconfigured"}, status=500)
    return JsonResponse({})
"#;
    assert_eq!(lines("client-error-5xx", source), [10, 14, 18]);
}

#[test]
fn csrf_exempt_session_true_and_look_alikes() {
    let source = r#"
from django.views.decorators.csrf import csrf_exempt
from django.utils.decorators import method_decorator

@csrf_exempt
def like(request, pk):
    Like.objects.create(user=request.user, item_id=pk)
    return JsonResponse({"ok": True})

@csrf_exempt
def webhook(request):
    verify_signature(request)
    return HttpResponse(status=204)

@method_decorator(csrf_exempt, name="dispatch")
class Settings(View):
    def post(self, request):
        request.session["theme"] = "dark"
        return HttpResponse(status=204)

@csrf_exempt
@api_view(["POST"])
def drf_like(request):
    return Response({"user": request.user.id})

def normal(request):
    return JsonResponse({"user": request.user.id})

@csrf_exempt
@require_GET
def me(request):
    return JsonResponse({"user": request.user.id})

@method_decorator(csrf_exempt, name="dispatch")
class Profile(View):
    def get(self, request):
        return JsonResponse({"user": request.user.id})
    def put(self, request):
        request.user.name = "x"
        return JsonResponse({})
    def delete(self, request):
        request.user.delete()
        return JsonResponse({})
"#;
    assert_eq!(lines("csrf-exempt-session", source), [5, 15, 34]);
}
