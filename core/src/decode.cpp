#include "decode.hpp"

#include <cctype>

#include "json_util.hpp"

namespace yativo::detail {

namespace {

bool is_false_flag(const rapidjson::Value &root, const char *name) {
    const rapidjson::Value *v = json::member(root, name);
    if (!v) return false;
    if (v->IsBool()) return !v->GetBool();
    if (v->IsString()) {
        std::string s(v->GetString(), v->GetStringLength());
        return s == "false" || s == "error" || s == "failed" || s == "fail";
    }
    return false;
}

// A machine code looks like `insufficient_balance`: no spaces, lower case.
bool looks_like_code(const std::string &s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'))
            return false;
    return true;
}

std::string first_of(const rapidjson::Value &a, const rapidjson::Value *b, const char *name) {
    std::string s = json::str(a, name);
    if (s.empty() && b) s = json::str(*b, name);
    return s;
}

}  // namespace

Status status_for_http(long http_status) {
    switch (http_status) {
        case 400:
        case 422:
            return Status::VALIDATION;
        case 401:
            return Status::AUTHENTICATION;
        case 403:
            return Status::PERMISSION_DENIED;
        case 404:
            return Status::NOT_FOUND;
        case 409:
            return Status::CONFLICT;
        case 429:
            return Status::RATE_LIMITED;
        default:
            return Status::SERVER;
    }
}

bool is_success(const HttpResult &response, const rapidjson::Document *doc) {
    if (response.status < 200 || response.status > 299) return false;
    if (doc && doc->IsObject() && (is_false_flag(*doc, "status") || is_false_flag(*doc, "success")))
        return false;
    return true;
}

Error decode_error(const HttpResult &response) {
    auto doc = json::parse(response.body);
    Status code = status_for_http(response.status);
    if (response.status >= 200 && response.status <= 299) code = Status::VALIDATION;
    std::string error_code, message, details;
    std::optional<double> retry_after;
    std::string existing, request_id;
    if (doc && doc->IsObject()) {
        const rapidjson::Value &root = *doc;
        const rapidjson::Value *err_obj = json::member(root, "error");
        if (err_obj && err_obj->IsObject()) {
            error_code = json::str(*err_obj, "code");
            message = json::str(*err_obj, "message");
        } else if (err_obj) {
            std::string e = json::to_string(*err_obj);
            if (looks_like_code(e))
                error_code = e;
            else
                message = e;
        } else {
            error_code = json::str(root, "code");
        }
        if (message.empty()) message = json::str(root, "message");
        const rapidjson::Value *err_or_null = err_obj && err_obj->IsObject() ? err_obj : nullptr;
        const rapidjson::Value *det = json::member(root, "details");
        if (!det && err_or_null) det = json::member(*err_or_null, "details");
        if (det) details = json::to_string(*det);
        retry_after = json::seconds(root, "retry_after");
        if (!retry_after && err_or_null) retry_after = json::seconds(*err_or_null, "retry_after");
        if (!retry_after && det) retry_after = json::seconds(*det, "retry_after");
        existing = first_of(root, err_or_null, "existing_transaction_id");
        if (existing.empty() && det) existing = json::str(*det, "existing_transaction_id");
        request_id = json::str(root, "request_id");
    }
    if (const std::string *rid = response.header("X-Request-Id")) request_id = *rid;
    if (const std::string *ra = response.header("Retry-After")) {
        if (auto secs = json::parse_int(*ra); secs && *secs >= 0)
            retry_after = static_cast<double>(*secs);
    }
    std::string text = "HTTP " + std::to_string(response.status);
    if (!error_code.empty()) text += " " + error_code;
    if (!message.empty()) text += ": " + message;
    if (!doc && !response.body.empty() && (response.status < 200 || response.status > 299))
        text += " (body is not JSON)";
    Error err(code, text);
    err.http_status = static_cast<int>(response.status);
    err.error_code = error_code;
    err.details_json = details;
    err.request_id = request_id;
    err.retry_after_s = retry_after;
    err.existing_transaction_id = existing;
    err.retryable = code == Status::RATE_LIMITED || code == Status::SERVER;
    return err;
}

Payload decode_success(const HttpResult &response) {
    if (response.body.find_first_not_of(" \t\r\n") == std::string::npos) return Payload();
    auto doc = json::parse(response.body);
    if (!doc) {
        Error err(Status::PROTOCOL, "HTTP " + std::to_string(response.status) +
                                        " answer is not JSON (" +
                                        std::to_string(response.body.size()) + " bytes)");
        err.http_status = static_cast<int>(response.status);
        if (const std::string *rid = response.header("X-Request-Id")) err.request_id = *rid;
        throw err;
    }
    if (!is_success(response, doc.get())) throw decode_error(response);
    if (doc->IsObject()) {
        auto it = doc->FindMember("data");
        if (it != doc->MemberEnd()) return Payload(doc, &it->value);
    }
    return Payload(doc, doc.get());
}

}  // namespace yativo::detail
