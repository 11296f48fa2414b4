#include "decode.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <ctime>

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
    if (http_status >= 500) return Status::SERVER;
    switch (http_status) {
        case 401:
            return Status::AUTHENTICATION;
        case 403:
            return Status::PERMISSION_DENIED;
        case 404:
        case 405:  // no such operation at this path: the endpoint as called does not exist
        case 410:
            return Status::NOT_FOUND;
        case 408:  // the server gave up waiting for the request: it was not processed
            return Status::TIMEOUT;
        case 409:
            return Status::CONFLICT;
        case 429:
            return Status::RATE_LIMITED;
        default:
            break;
    }
    // Every other 4xx (400, 413, 415, 422, ...) refuses the request as it was sent. Redirects
    // (never followed) and anything below 400 that is not a success are not answers of this API.
    if (http_status >= 400) return Status::VALIDATION;
    return Status::PROTOCOL;
}

bool retryable_http(long http_status) {
    return http_status == 408 || http_status == 429 || http_status == 500 || http_status == 502 ||
           http_status == 503 || http_status == 504;
}

std::optional<double> parse_retry_after(std::string_view value, std::int64_t now_unix) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // delay-seconds of any length: beyond a day it is a day (the deadline refuses it anyway).
        auto secs = json::parse_int(value);
        if (!secs || *secs > kMaxRetryAfterSeconds) return double(kMaxRetryAfterSeconds);
        return static_cast<double>(*secs);
    }
    // An HTTP-date (RFC 9110 §10.2.3): the wait is the time from now until then, none if past.
    std::string text(value);
    time_t when = curl_getdate(text.c_str(), nullptr);
    if (when <= 0) return std::nullopt;
    std::int64_t wait = static_cast<std::int64_t>(when) - now_unix;
    return static_cast<double>(std::clamp<std::int64_t>(wait, 0, kMaxRetryAfterSeconds));
}

bool is_success(const HttpResult &response, const rapidjson::Document *doc) {
    if (response.status < 200 || response.status > 299) return false;
    if (doc && doc->IsObject() && (is_false_flag(*doc, "status") || is_false_flag(*doc, "success")))
        return false;
    return true;
}

namespace {

// The Error for `response`, whose body was parsed into `doc` (nullptr: not JSON).
Error error_from(const HttpResult &response, const rapidjson::Document *doc, bool body_empty) {
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
    if (auto rid = response.header(ResponseHeader::RequestId)) request_id = *rid;
    if (auto ra = response.header(ResponseHeader::RetryAfter)) {
        // An HTTP-date is read against the server's own Date header when it sent one, so a
        // client with a wrong clock still waits what the server meant.
        std::int64_t now_unix = static_cast<std::int64_t>(std::time(nullptr));
        if (auto date = response.header(ResponseHeader::Date))  // NUL-terminated
            if (time_t server = curl_getdate(date->data(), nullptr); server > 0)
                now_unix = static_cast<std::int64_t>(server);
        if (auto secs = parse_retry_after(*ra, now_unix)) retry_after = secs;
    }
    // Every surface converts this to its own units (milliseconds in C): bounded here.
    if (retry_after) retry_after = std::clamp(*retry_after, 0.0, double(kMaxRetryAfterSeconds));
    std::string text = "HTTP " + std::to_string(response.status);
    if (!error_code.empty()) text += " " + error_code;
    if (!message.empty()) text += ": " + message;
    if (!doc && !body_empty && (response.status < 200 || response.status > 299))
        text += " (body is not JSON)";
    Error err(code, text);
    err.http_status = static_cast<int>(response.status);
    err.error_code = error_code;
    err.details_json = details;
    err.request_id = request_id;
    err.retry_after_s = retry_after;
    err.existing_transaction_id = existing;
    err.retryable = retryable_http(response.status);
    return err;
}

}  // namespace

Error decode_error(const HttpResult &response) {
    auto doc = json::parse(response.body);
    return error_from(response, doc.get(), response.body.empty());
}

Payload decode_success(HttpResult &&response, bool holds_secret) {
    if (response.body.find_first_not_of(" \t\r\n") == std::string::npos) return Payload();
    const std::size_t size = response.body.size();
    // The body is taken, not copied: the payload's strings are views into it.
    auto doc = json::parse_taking(response.body, holds_secret);
    if (!doc) {
        Error err(Status::PROTOCOL, "HTTP " + std::to_string(response.status) +
                                        " answer is not JSON (" + std::to_string(size) + " bytes)");
        err.http_status = static_cast<int>(response.status);
        if (auto rid = response.header(ResponseHeader::RequestId)) err.request_id = *rid;
        throw err;
    }
    if (!is_success(response, doc.get())) throw error_from(response, doc.get(), false);
    if (doc->IsObject()) {
        auto it = doc->FindMember("data");
        if (it != doc->MemberEnd()) return Payload(doc, &it->value);
    }
    return Payload(doc, doc.get());
}

}  // namespace yativo::detail
