//! The audit's response rules on true cases (it must speak, on the right line) and on
//! look-alikes (the correct pattern next to the wrong one: it must stay silent).
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
