//! PLACEHOLDER until issue-8-exercises lands its job.rs (the protocol's job JSON).
use crate::content::{Client, Exercise, RequestBody};
use serde_json::{Value, json};
use std::path::Path;

pub fn job_json(exercise: &Exercise, view_file: &Path) -> String {
    let checks: Vec<Value> = exercise
        .checks
        .iter()
        .map(|c| {
            let r = &c.request;
            let (form, body) = match &r.body {
                RequestBody::Empty => (Value::Null, Value::Null),
                RequestBody::Form(f) => {
                    (Value::Object(f.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect()), Value::Null)
                }
                RequestBody::Json(j) => (Value::Null, Value::String(j.clone())),
            };
            let user = match r.user {
                Client::Anonymous => "anonymous",
                Client::User => "user",
                Client::Staff => "staff",
            };
            json!({"method": r.method, "path": r.path, "user": user,
                "headers": r.headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect::<serde_json::Map<_, _>>(),
                "form": form, "json": body, "csrf_token": r.csrf_token, "setup": r.setup,
                "expect": {"status": c.expect.status,
                    "headers": c.expect.headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect::<serde_json::Map<_, _>>(),
                    "present_headers": c.expect.present_headers, "absent_headers": c.expect.absent_headers,
                    "json": c.expect.json, "body_contains": c.expect.body_contains}})
        })
        .collect();
    json!({"version": 1, "view_file": view_file, "models": exercise.models, "urls": exercise.urls, "checks": checks})
        .to_string()
}
