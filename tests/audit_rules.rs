//! Each audit rule on true cases (it must speak, on the right line) and on look-alikes (the
//! correct pattern next to the wrong one: it must stay silent).
use status_tutor::audit::{audit_source, python_parser, rules};

/// The lines `rule` reports in `source`.
fn lines(rule: &str, source: &str) -> Vec<usize> {
    let rule = rules::find(rule).expect("a known rule");
    let mut parser = python_parser().expect("the Python grammar loads");
    audit_source(&mut parser, "views.py", source, &[rule]).findings.iter().map(|f| f.line).collect()
}

#[test]
fn error_body_200_true_cases() {
    let source = r#"
from django.http import JsonResponse
from http import HTTPStatus

def create(request):
    if not request.body:
        return JsonResponse({"error": "empty body"})
    form = Form(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=200)
    if form.cleaned_data["x"] < 0:
        return JsonResponse({"status": "error", "message": "negative"})
    if form.cleaned_data["x"] > 9:
        return JsonResponse({"success": False, "message": "too big"}, status=HTTPStatus.OK)
    if form.cleaned_data["x"] == 5:
        return JsonResponse({"success": False, "error": "five"})
    return JsonResponse(form.errors)
"#;
    assert_eq!(lines("error-body-200", source), [7, 10, 12, 14, 16, 17]);
}

#[test]
fn error_body_200_look_alikes_stay_silent() {
    let source = r#"
from django.http import JsonResponse

def error(msg, status=400):
    return JsonResponse({"error": msg}, status=status)

def create(request):
    if not request.body:
        return JsonResponse({"error": "empty body"}, status=400)
    return JsonResponse({"errors": [], "created": 3})

def batch(request):
    response = JsonResponse({"error": "not found"})
    response.status_code = 404
    return response

def status(request):
    return JsonResponse({"status": "ok", "error": None, "detail": {"id": 3}})

def upload(request):
    return JsonResponse({"success": False, "form": render_to_string("form.html")})
"#;
    assert_eq!(lines("error-body-200", source), Vec::<usize>::new());
}

#[test]
fn serializer_errors_200_true_and_look_alike() {
    let source = r#"
from rest_framework.response import Response
from rest_framework import status
from rest_framework.views import APIView

class Things(APIView):
    def post(self, request):
        serializer = ThingSerializer(data=request.data)
        if serializer.is_valid():
            serializer.save()
            return Response(serializer.data, status=status.HTTP_201_CREATED)
        return Response(serializer.errors)

    def put(self, request):
        serializer = ThingSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status.HTTP_400_BAD_REQUEST)
        return Response(serializer.data)
"#;
    assert_eq!(lines("serializer-errors-200", source), [12]);
}

#[test]
fn allow_missing_true_cases() {
    let source = r#"
from django.http import HttpResponse, JsonResponse

def only_get(request):
    if request.method != "GET":
        return HttpResponse(status=405)
    return HttpResponse("ok")

def cors(request):
    code = 405
    response = JsonResponse({"detail": "no"}, status=code)
    response["Access-Control-Allow-Methods"] = "GET"
    return response
"#;
    assert_eq!(lines("allow-missing", source), [6, 11]);
}

#[test]
fn allow_missing_look_alikes_stay_silent() {
    let source = r#"
from django.http import HttpResponse, HttpResponseNotAllowed
from rest_framework.response import Response

def only_get(request):
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return HttpResponse("ok")

def by_hand(request):
    response = HttpResponse(status=405)
    response["Allow"] = "GET"
    return response

def with_headers(request):
    return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})

class View(APIView):
    def post(self, request):
        return Response(status=405)
"#;
    assert_eq!(lines("allow-missing", source), Vec::<usize>::new());
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
fn no_content_body_true_and_look_alikes() {
    let source = r#"
from django.http import HttpResponse, JsonResponse
from http import HTTPStatus

def delete(request, pk):
    Item.objects.filter(pk=pk).delete()
    return JsonResponse({"deleted": True}, status=204)

def delete2(request, pk):
    return HttpResponse("deleted", status=HTTPStatus.NO_CONTENT)

def fine(request, pk):
    return HttpResponse(status=204)

def fine2(request, pk):
    return HttpResponse("", status=204)

def fine3(request, pk):
    return JsonResponse({"deleted": True})
"#;
    assert_eq!(lines("no-content-body", source), [7, 10]);
}

#[test]
fn www_authenticate_missing_true_and_look_alikes() {
    let source = r#"
from django.http import HttpResponse, JsonResponse

def metrics(request):
    if not request.headers.get("Authorization", "").startswith("Bearer "):
        return HttpResponse(status=401)
    return HttpResponse("ok")

def api(request):
    response = JsonResponse({"detail": "log in"}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response

def api2(request):
    return JsonResponse({"detail": "log in"}, status=401, headers={"WWW-Authenticate": "Bearer"})

def forbidden(request):
    return HttpResponse(status=403)

def passed_on(request):
    response = HttpResponse(status=401)
    add_challenge(response)
    return response

def login_page(request):
    return render(request, "login.html", {"failed": True}, status=401)

def error(msg, status=400):
    return JsonResponse({"error": msg}, status=status)

def challenge(msg, status=401):
    return JsonResponse({"error": msg}, status=status, headers={"WWW-Authenticate": "Bearer"})

def by_key(request):
    if "X-Api-Key" not in request.headers:
        return error("missing api key", 401)
    if request.headers["X-Api-Key"] == "":
        return error("empty key")
    if request.headers["X-Api-Key"] == "x":
        return error("read-only key", status=403)
    return challenge("wrong key")
"#;
    assert_eq!(lines("www-authenticate-missing", source), [6, 36]);
}

#[test]
fn create_200_true_and_look_alikes() {
    let source = r#"
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from rest_framework.response import Response

@require_POST
def add(request):
    item = Item.objects.create(name=request.POST["name"])
    return JsonResponse({"id": item.id})

def items(request):
    if request.method == "POST":
        item = Item.objects.create(name="x")
        return JsonResponse({"id": item.id})
    return JsonResponse({"items": list(Item.objects.values())})

class Items(APIView):
    def post(self, request):
        serializer = ItemSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

@require_POST
def add_ok(request):
    item = Item.objects.create(name=request.POST["name"])
    return JsonResponse({"id": item.id}, status=201)

@require_POST
def pause(request, pk):
    flip = Flip.objects.create(check_id=pk)
    return JsonResponse({"paused": True})

def get_items(request):
    item = Item.objects.create(name="x")
    return JsonResponse({"id": item.id})

class Things(APIView):
    def put(self, request, pk):
        serializer = ItemSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)
"#;
    assert_eq!(lines("create-200", source), [9, 14, 22]);
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

#[test]
fn magic_status_true_and_look_alikes() {
    let source = r#"
from http import HTTPStatus
from django.http import HttpResponse
from rest_framework import status

def view(request):
    if request.GET:
        return HttpResponse(status=404)
    if request.POST:
        return HttpResponse(status="409")
    if request.body:
        return Response({}, 418)
    if request.FILES:
        return HttpResponse(status=HTTPStatus.CONFLICT)
    return Response({}, status=status.HTTP_201_CREATED)
"#;
    assert_eq!(lines("magic-status", source), [8, 10, 12]);
}

#[test]
fn magic_status_is_off_by_default_and_every_rule_has_a_lesson() {
    let defaults = status_tutor::audit::selection(&[], &[]).expect("defaults");
    assert!(defaults.iter().all(|r| r.id() != "magic-status"));
    assert_eq!(defaults.len(), rules::ALL.len() - 1);
    let course = status_tutor::content::embedded::course().expect("the built-in course loads");
    for rule in rules::ALL {
        assert!(course.pages.iter().any(|p| p.id == rule.page()), "{}: no page {}", rule.id(), rule.page());
    }
}

#[test]
fn inline_comment_silences_one_rule_or_all() {
    let source = r#"
def view(request):
    if request.GET:
        return HttpResponse(status=405)  # status-tutor: ignore[allow-missing]
    if request.POST:
        return HttpResponse(status=405)  # status-tutor: ignore[no-content-body]
    return HttpResponse(status=405)  # status-tutor: ignore
"#;
    assert_eq!(lines("allow-missing", source), [6]);
}

#[test]
fn the_docs_table_lists_every_rule_with_its_lesson() {
    let docs = std::fs::read_to_string("docs/audit.md").expect("docs/audit.md");
    for rule in rules::ALL {
        let row = docs
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", rule.id())))
            .unwrap_or_else(|| panic!("no row for {}", rule.id()));
        assert!(row.ends_with(&format!("| `{}` |", rule.page())), "{} links {}: {row}", rule.id(), rule.page());
        let on = if rule.default_on() { "| yes |" } else { "| no (style) |" };
        assert!(row.contains(on), "{row}");
    }
}
