#include "api.hpp"

#include <stdexcept>

#include "crypto.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

const char kTokenPathA[] = "/auth/token";
const char kTokenPathB[] = "/apikey/token";

std::vector<std::string> split_path(const std::string &path) {
    std::vector<std::string> out;
    size_t i = 1;
    while (i <= path.size()) {
        size_t j = path.find('/', i);
        if (j == std::string::npos) j = path.size();
        out.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

bool match_route(const char *pattern, const std::string &path, std::vector<std::string> *params) {
    auto want = split_path(pattern);
    auto got = split_path(path);
    if (want.size() != got.size()) return false;
    std::vector<std::string> found;
    for (size_t i = 0; i < want.size(); ++i) {
        if (want[i] == "{id}") {
            if (got[i].empty()) return false;
            found.push_back(got[i]);
        } else if (want[i] != got[i]) {
            return false;
        }
    }
    *params = std::move(found);
    return true;
}

std::string path_of(const std::string &target) {
    return target.substr(0, target.find('?'));
}

// "/api/v1/x" and "/api/x" -> "/x"; trailing slash dropped.
std::string api_relative(const std::string &path) {
    std::string rel;
    if (path.rfind("/api/v1/", 0) == 0)
        rel = path.substr(7);
    else if (path == "/api/v1" || path == "/api")
        rel = "/";
    else
        rel = path.substr(4);
    if (rel.empty()) rel = "/";
    while (rel.size() > 1 && rel.back() == '/') rel.pop_back();
    return rel;
}

const char *garbage_body() {
    return "<html><head><title>502 Bad Gateway</title></head><body>upstream sent garbage "
           "\x01\x02 not json</body></html>";
}

}  // namespace

std::string error_body(const ApiError &e, const std::string &request_id) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    kv_str(w, "error", e.code);
    kv_str(w, "message", e.what());
    for (const auto &f : e.top_level) kv_str(w, f.first.c_str(), f.second);
    if (e.retry_after >= 0) kv_int(w, "retry_after", e.retry_after);
    if (e.status >= 500) kv_str(w, "request_id", request_id);
    w.Key("details");
    w.StartObject();
    for (const auto &f : e.details) kv_str(w, f.first.c_str(), f.second);
    w.EndObject();
    w.EndObject();
    return std::string(sb.GetString(), sb.GetSize());
}

Response resource_response(int status, std::string_view message,
                           const std::function<void(JsonWriter &)> &data,
                           const std::function<void(JsonWriter &)> &extra) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    kv_bool(w, "status", true);
    kv_str(w, "message", message);
    w.Key("data");
    data(w);
    if (extra) extra(w);
    w.EndObject();
    Response r;
    r.status = status;
    r.body.assign(sb.GetString(), sb.GetSize());
    return r;
}

Api::Api(const Options &options)
    : opts_(options),
      limiter_(options.rate_limit),
      totp_({}, options.totp_period > 0 ? options.totp_period : 30) {
    std::vector<uint8_t> key;
    if (opts_.totp_secret.empty()) {
        key = random_bytes(20);
        totp_secret_ = base32_encode(key);
    } else {
        auto decoded = base32_decode(opts_.totp_secret);
        if (!decoded) throw std::invalid_argument("--totp-secret is not valid base32");
        key = *decoded;
        totp_secret_ = opts_.totp_secret;
    }
    totp_ = TotpVerifier(key, opts_.totp_period);
    session_token_ = opts_.session_token.empty() ? "yvsess_" + random_hex(24) : opts_.session_token;
    auto pepper = random_bytes(32);
    pepper_.assign(pepper.begin(), pepper.end());
    auto jwt = random_bytes(32);
    jwt_secret_.assign(jwt.begin(), jwt.end());
    user_id_ = "usr_" + random_hex(12);
}

const std::vector<Route> &Api::routes() {
    static const std::vector<Route> kRoutes = [] {
        std::vector<Route> all = {
            {"POST", kTokenPathA, Scope::kNone, false,
             [](Api &a, Ctx &c) { return a.token_exchange(c); }},
            {"POST", kTokenPathB, Scope::kNone, false,
             [](Api &a, Ctx &c) { return a.token_exchange(c); }},
            {"POST", "/apikey/create", Scope::kNone, true,
             [](Api &a, Ctx &c) { return a.key_create(c); }},
            {"GET", "/apikey/list", Scope::kRead, false,
             [](Api &a, Ctx &c) { return a.key_list(c); }},
            {"GET", "/apikey/{id}", Scope::kRead, false,
             [](Api &a, Ctx &c) { return a.key_get(c); }},
            {"POST", "/apikey/{id}/revoke", Scope::kNone, true,
             [](Api &a, Ctx &c) { return a.key_revoke(c); }},
            {"POST", "/apikey/{id}/rotate", Scope::kNone, true,
             [](Api &a, Ctx &c) { return a.key_rotate(c); }},
            {"PUT", "/apikey/{id}/permissions", Scope::kNone, true,
             [](Api &a, Ctx &c) { return a.key_permissions(c); }},
            {"POST", "/accounts/create-account", Scope::kWrite, true,
             [](Api &a, Ctx &c) { return a.account_create(c); }},
            {"GET", "/accounts/get-accounts", Scope::kRead, false,
             [](Api &a, Ctx &c) { return a.account_list(c); }},
            {"POST", "/assets/add-asset", Scope::kWrite, true,
             [](Api &a, Ctx &c) { return a.asset_add(c); }},
            {"POST", "/assets/get-user-assets", Scope::kRead, false,
             [](Api &a, Ctx &c) { return a.asset_list(c); }},
            {"POST", "/balance/check", Scope::kRead, false,
             [](Api &a, Ctx &c) { return a.balance_check(c); }},
            {"POST", "/transactions/get-gas-price", Scope::kRead, false,
             [](Api &a, Ctx &c) { return a.gas_price(c); }},
            {"POST", "/transactions/send-funds", Scope::kTransactions, true,
             [](Api &a, Ctx &c) { return a.send_funds(c); }},
            {"POST", "/transactions/get-transactions", Scope::kRead, false,
             [](Api &a, Ctx &c) { return a.transaction_list(c); }},
            {"POST", "/webhook/create", Scope::kWebhooks, true,
             [](Api &a, Ctx &c) { return a.webhook_create(c); }},
            {"GET", "/webhook/list", Scope::kWebhooks, false,
             [](Api &a, Ctx &c) { return a.webhook_list(c); }},
            {"DELETE", "/webhook/{id}", Scope::kWebhooks, true,
             [](Api &a, Ctx &c) { return a.webhook_delete(c); }},
        };
        for (const Module &m : modules()) all.insert(all.end(), m.routes.begin(), m.routes.end());
        return all;
    }();
    return kRoutes;
}

void Api::tick(SysTime t) {
    for (const Module &m : modules())
        if (m.tick) m.tick(*this, t);
}

void Api::advance_clock(std::chrono::seconds by) {
    clock_lead_ += by;
    shift_delivery_schedule(by);
    tick(sandbox_now());
}

bool Api::is_api_target(std::string_view target) {
    std::string path = path_of(std::string(target));
    return path == "/api" || path.rfind("/api/", 0) == 0;
}

Api::InFlight Api::track_in_flight() {
    std::lock_guard<std::mutex> lock(mu_);
    ++in_flight_;
    if (in_flight_ > stats_.max_in_flight) stats_.max_in_flight = in_flight_;
    return InFlight(this);
}

void Api::count_connection() {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.connections;
}

Api::InFlight::~InFlight() {
    if (!api_) return;
    std::lock_guard<std::mutex> lock(api_->mu_);
    --api_->in_flight_;
}

Response Api::handle(const Request &req) {
    std::string path = path_of(req.target);
    std::lock_guard<std::mutex> lock(mu_);
    tick(sandbox_now());
    if (path.rfind("/__sandbox/", 0) == 0) return control(req, path);
    if (!is_api_target(path)) {
        ApiError e(404, "not_found", "No such endpoint: " + path);
        Response r;
        r.status = 404;
        r.body = error_body(e, "");
        r.set_header("X-Request-Id", "req_" + random_hex(12));
        return r;
    }
    std::string rel = api_relative(path);
    ++stats_.requests;
    // Bounded so a flood of distinct junk paths cannot grow memory without limit.
    if (stats_.paths.size() < 4096 || stats_.paths.count(rel)) ++stats_.paths[rel];
    if (rel == kTokenPathA || rel == kTokenPathB) ++stats_.token_exchanges;

    auto fault = faults_.take(rel);
    if (!fault) return process(req, rel);
    switch (fault->mode) {
        case FaultMode::kRespond:
            return fault_response(*fault, rel);
        case FaultMode::kDelay: {
            Response r;
            r.action = Action::kDelay;
            r.delay_ms = fault->delay_ms;
            return r;
        }
        case FaultMode::kDropBefore: {
            Response r;
            r.action = Action::kClose;
            r.unlisten_ms = fault->unlisten_ms;
            return r;
        }
        case FaultMode::kDropAfter: {
            Response r = process(req, rel);
            r.action = Action::kClose;
            r.unlisten_ms = fault->unlisten_ms;
            return r;
        }
        case FaultMode::kTruncate: {
            Response r = process(req, rel);
            r.action = Action::kSendTruncated;
            return r;
        }
        case FaultMode::kGarbage: {
            Response r = process(req, rel);
            r.body = garbage_body();
            return r;
        }
    }
    return process(req, rel);
}

Response Api::handle_after_delay(const Request &req) {
    std::lock_guard<std::mutex> lock(mu_);
    tick(sandbox_now());
    return process(req, api_relative(path_of(req.target)));
}

Response Api::payload_too_large(const Request &req) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string path = path_of(req.target);
    std::string request_id = "req_" + random_hex(12);
    if (is_api_target(path)) {
        std::string rel = api_relative(path);
        ++stats_.requests;
        if (stats_.paths.size() < 4096 || stats_.paths.count(rel)) ++stats_.paths[rel];
    }
    ApiError e(413, "payload_too_large",
               "Request body exceeds " + std::to_string(kMaxBodyBytes) + " bytes",
               {{"max_bytes", std::to_string(kMaxBodyBytes)}});
    Response r;
    r.status = 413;
    r.body = error_body(e, request_id);
    finish(r, request_id, limiter_.peek("anon", now()));
    return r;
}

Response Api::fault_response(const Fault &fault, const std::string &rel) {
    std::string request_id = "req_" + random_hex(12);
    Response r;
    r.status = fault.status;
    if (fault.has_body) {
        r.body = fault.body;
    } else {
        const char *code = fault.status == 429 ? "rate_limit_exceeded"
                           : fault.status >= 500
                               ? (fault.status == 503 ? "service_unavailable" : "internal_error")
                           : fault.status == 404 ? "not_found"
                           : fault.status == 401 ? "unauthorized"
                           : fault.status == 403 ? "forbidden"
                           : fault.status == 409 ? "conflict"
                                                 : "injected_fault";
        ApiError e(fault.status, code, "Injected fault on " + rel);
        if (fault.status == 429) e.retry_after = fault.retry_after >= 0 ? fault.retry_after : 1;
        r.body = error_body(e, request_id);
    }
    finish(r, request_id, limiter_.peek("anon", now()));
    if (fault.retry_after >= 0) r.set_header("Retry-After", std::to_string(fault.retry_after));
    return r;
}

void Api::finish(Response &resp, const std::string &request_id, const RateInfo &rate) const {
    resp.set_header("X-Request-Id", request_id);
    resp.set_header("X-RateLimit-Limit", std::to_string(rate.limit));
    resp.set_header("X-RateLimit-Remaining", std::to_string(rate.remaining));
    resp.set_header("X-RateLimit-Reset", std::to_string(rate.reset_unix));
    if (resp.status == 429 && rate.exceeded)
        resp.set_header("Retry-After", std::to_string(rate.retry_after));
}

Response Api::process(const Request &req, const std::string &rel) {
    SysTime wall = now();  // rate windows: the client's pace, which advancing does not change
    std::string request_id = "req_" + random_hex(12);
    RateInfo rate = limiter_.peek("anon", wall);
    Response resp;
    try {
        resp = dispatch(req, rel, wall, request_id, rate);
    } catch (const ApiError &e) {
        resp = Response{};
        resp.status = e.status;
        resp.body = error_body(e, request_id);
        for (const auto &h : e.headers) resp.set_header(h.first, h.second);
        if (e.status == 429) rate.exceeded = true;
    } catch (const std::exception &e) {
        resp = Response{};
        resp.status = 500;
        resp.body = error_body(ApiError(500, "internal_error", "Internal error"), request_id);
    }
    finish(resp, request_id, rate);
    return resp;
}

Response Api::dispatch(const Request &req, const std::string &rel, SysTime wall,
                       const std::string &request_id, RateInfo &rate) {
    (void)request_id;
    SysTime t = sandbox_now();  // everything else runs on the sandbox clock
    const Route *route = nullptr;
    std::vector<std::string> params;
    std::string allow;
    // Literal routes win over patterns ("/apikey/list" is not key "list"). Only a literal path
    // answers 405: a path that matches just a pattern with another method ("POST
    // /webhook/get-webhookz" against "DELETE /webhook/{id}") is unknown, 404 (SPEC §6).
    for (int pass = 0; pass < 2 && !route; ++pass) {
        for (const auto &r : routes()) {
            bool literal = std::string(r.pattern).find('{') == std::string::npos;
            if (literal != (pass == 0)) continue;
            std::vector<std::string> p;
            if (!match_route(r.pattern, rel, &p)) continue;
            if (req.method == r.method) {
                route = &r;
                params = std::move(p);
                break;
            }
            if (literal && allow.find(r.method) == std::string::npos)
                allow += (allow.empty() ? "" : ", ") + std::string(r.method);
        }
        if (!allow.empty() && !route) break;
    }
    if (!route) {
        if (!allow.empty()) {
            ApiError e(405, "method_not_allowed", req.method + " is not allowed on " + rel,
                       {{"allow", allow}});
            e.headers.emplace_back("Allow", allow);
            throw e;
        }
        throw ApiError(404, "not_found", "No such endpoint: " + rel);
    }

    Ctx ctx{req, rel, params, Principal{}, Json{}, t, {}};
    if (std::string_view(route->pattern) == kTokenPathA ||
        std::string_view(route->pattern) == kTokenPathB) {
        ctx.body = parse_request_body(req.body);
        const Json *key = ctx.body.find("api_key");
        std::string bucket = "anon";
        if (key && key->kind == Json::Kind::kString) {
            auto it = state_.key_by_public.find(key->text);
            if (it != state_.key_by_public.end()) bucket = "key:" + it->second;
        }
        rate = limiter_.hit(bucket, wall);
        if (rate.exceeded) {
            ApiError e(429, "rate_limit_exceeded",
                       "Too many requests. Please wait before retrying.");
            e.retry_after = rate.retry_after;
            throw e;
        }
        return token_exchange(ctx);
    }

    if (route->scope == Scope::kPublic) {  // sign-in steps: no credentials, the anon bucket
        rate = limiter_.hit("anon", wall);
        if (rate.exceeded) {
            ApiError e(429, "rate_limit_exceeded",
                       "Too many requests. Please wait before retrying.");
            e.retry_after = rate.retry_after;
            throw e;
        }
        if (req.method == "POST" || req.method == "PUT")
            ctx.body = parse_request_body(req.body);
        else
            ctx.body.kind = Json::Kind::kObject;
        return route->handler(*this, ctx);
    }

    ctx.who = authenticate(req, t);
    rate = limiter_.hit(ctx.who.bucket, wall);
    if (rate.exceeded) {
        ApiError e(429, "rate_limit_exceeded", "Too many requests. Please wait before retrying.");
        e.retry_after = rate.retry_after;
        throw e;
    }
    if (route->scope != Scope::kNone && !ctx.who.holds(route->scope)) {
        std::string scope = scope_name(route->scope);
        throw ApiError(403, "forbidden", "API key does not have the '" + scope + "' permission",
                       {{"required_permission", scope}});
    }
    if (req.method == "POST" || req.method == "PUT")
        ctx.body = parse_request_body(req.body);
    else
        ctx.body.kind = Json::Kind::kObject;
    if (route->write) return run_idempotent(*route, ctx);
    return route->handler(*this, ctx);
}

Response Api::run_idempotent(const Route &route, Ctx &ctx) {
    std::string key = ctx.req.header("Idempotency-Key");
    bool has_key = ctx.req.has_header("Idempotency-Key");
    // send-funds schema S2 carries the key in its body: the same key as the header (SPEC §1).
    if (const Json *body_key = ctx.body.find("idempotency_key");
        body_key && ctx.rel == "/transactions/send-funds" && ctx.body.find("from_asset_id")) {
        if (body_key->kind != Json::Kind::kString)
            throw ApiError(400, "validation_error", "Invalid idempotency_key",
                           {{"idempotency_key", "must be a string"}});
        if (!has_key) {
            key = body_key->text;
            has_key = true;
            if (key.empty() || key.size() > 255 ||
                key.find_first_of(std::string("\0\r\n", 3)) != std::string::npos)
                throw ApiError(400, "validation_error", "Invalid idempotency_key",
                               {{"idempotency_key", "must be 1 to 255 printable characters"}});
        } else if (body_key->text != key) {
            throw ApiError(400, "validation_error",
                           "The body's idempotency_key differs from the Idempotency-Key header",
                           {{"idempotency_key", "must equal the Idempotency-Key header"}});
        }
    }
    if (!has_key) return route.handler(*this, ctx);
    if (key.empty() || key.size() > 255 ||
        key.find_first_of(std::string("\0\r\n", 3)) != std::string::npos)
        throw ApiError(400, "validation_error", "Invalid Idempotency-Key header",
                       {{"Idempotency-Key", "must be 1 to 255 printable characters"}});
    auto &records = state_.idempotency[ctx.who.user_id];
    for (auto it = records.begin(); it != records.end();)
        it = ctx.now - it->second.created_at >= std::chrono::hours(24) ? records.erase(it)
                                                                       : std::next(it);
    std::string fingerprint = ctx.req.method + " " + ctx.rel + " " + canonical_json(ctx.body);
    auto found = records.find(key);
    if (found != records.end()) {
        const IdempotencyRecord &rec = found->second;
        if (rec.fingerprint != fingerprint) {
            ApiError e(409, "conflict",
                       "A request with this idempotency key already exists with different "
                       "parameters",
                       {{"existing_transaction_id", rec.resource_id}, {"idempotency_key", key}});
            e.top_level.emplace_back("existing_transaction_id", rec.resource_id);
            throw e;
        }
        Response replay;
        replay.status = rec.status;
        replay.body = rec.body;
        replay.set_header("Idempotent-Replayed", "true");
        return replay;
    }
    Response r = route.handler(*this, ctx);
    if (r.status >= 200 && r.status < 300) {
        IdempotencyRecord rec;
        rec.fingerprint = fingerprint;
        rec.status = r.status;
        rec.body = r.body;
        rec.resource_id = ctx.resource_id;
        rec.created_at = ctx.now;
        records[key] = std::move(rec);
    }
    return r;
}

}  // namespace yvsb
