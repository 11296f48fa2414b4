// The control endpoints at /__sandbox/ (SPEC §6): stats, faults, deposit, reset, routes. Not part
// of the API: no authentication, no rate limit, not counted in stats.
#include "api.hpp"
#include "crypto.hpp"
#include "ledger_common.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

Response control_error(const ApiError &e) {
    Response r;
    r.status = e.status;
    r.body = error_body(e, "");
    for (const auto &h : e.headers) r.set_header(h.first, h.second);
    return r;
}

// Fault paths are relative to the API base; a full "/api/v1/..." path is accepted too.
std::string relative_fault_path(std::string path) {
    if (path.rfind("/api/v1/", 0) == 0)
        path = path.substr(7);
    else if (path.rfind("/api/", 0) == 0)
        path = path.substr(4);
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

}  // namespace

Response Api::control(const Request &req, const std::string &path) {
    Response r = control_endpoint(req, path);
    r.set_header("X-Request-Id", "req_" + random_hex(12));
    return r;
}

Response Api::control_endpoint(const Request &req, const std::string &path) {
    try {
        std::string allow;
        if (path == "/__sandbox/stats") {
            if (req.method == "GET") return control_stats();
            allow = "GET";
        } else if (path == "/__sandbox/reset") {
            if (req.method == "POST") return control_reset();
            allow = "POST";
        } else if (path == "/__sandbox/faults") {
            if (req.method == "POST" || req.method == "DELETE") return control_faults(req);
            allow = "POST, DELETE";
        } else if (path == "/__sandbox/routes") {
            if (req.method == "GET") return control_routes();
            allow = "GET";
        } else if (path == "/__sandbox/deposit") {
            if (req.method == "POST") return control_deposit(req);
            allow = "POST";
        } else {
            for (const Module &m : modules())
                for (const ControlRoute &c : m.control) {
                    if (path != c.path) continue;
                    if (req.method == c.method) return c.handler(*this, req);
                    allow += (allow.empty() ? "" : ", ") + std::string(c.method);
                }
            if (allow.empty())
                throw ApiError(404, "not_found", "No such control endpoint: " + path);
        }
        ApiError e(405, "method_not_allowed", req.method + " is not allowed on " + path,
                   {{"allow", allow}});
        e.headers.emplace_back("Allow", allow);
        throw e;
    } catch (const ApiError &e) {
        return control_error(e);
    }
}

Response Api::control_stats() {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    kv_int(w, "connections", stats_.connections);
    kv_int(w, "requests", stats_.requests);
    kv_int(w, "token_exchanges", stats_.token_exchanges);
    kv_int(w, "transactions_created", stats_.transactions_created);
    kv_int(w, "max_in_flight", stats_.max_in_flight);
    kv_int(w, "webhook_deliveries", stats_.webhook_deliveries);
    kv_int(w, "in_flight", in_flight_);
    kv_int(w, "faults_pending", static_cast<long long>(faults_.size()));
    w.Key("paths");
    w.StartObject();
    for (const auto &p : stats_.paths) kv_int(w, p.first.c_str(), p.second);
    w.EndObject();
    w.EndObject();
    Response r;
    r.body.assign(sb.GetString(), sb.GetSize());
    return r;
}

Response Api::control_faults(const Request &req) {
    if (req.method == "DELETE") {
        faults_.clear();
        return resource_response(200, "Faults cleared", [](JsonWriter &w) {
            w.StartObject();
            kv_int(w, "pending", 0);
            w.EndObject();
        });
    }
    Json body = parse_request_body(req.body);
    FieldReader f(body);
    Fault fault;
    std::string path = f.string("path", true, 512);
    if (!path.empty() && path != "*" && path[0] != '/')
        f.fail("path", "must start with / (relative to the API base) or be *");
    fault.path = path == "*" ? path : relative_fault_path(path);
    fault.remaining = f.integer("count", false, 1, 1000000).value_or(1);
    std::string mode = f.string("mode", false, 32);
    if (mode.empty()) mode = "respond";
    if (!f.failed("mode") && !parse_fault_mode(mode, &fault.mode))
        f.fail("mode", "must be respond, delay, drop_before, drop_after, truncate or garbage");
    fault.status = static_cast<int>(f.integer("status", false, 100, 599).value_or(503));
    fault.retry_after = f.integer("retry_after", false, 0, 86400).value_or(-1);
    fault.delay_ms = static_cast<int>(f.integer("delay_ms", false, 0, 600000).value_or(0));
    fault.unlisten_ms = static_cast<int>(f.integer("unlisten_ms", false, 0, 60000).value_or(0));
    if (fault.unlisten_ms > 0 && fault.mode != FaultMode::kDropBefore &&
        fault.mode != FaultMode::kDropAfter)
        f.fail("unlisten_ms", "goes with mode drop_before or drop_after");
    if (fault.mode == FaultMode::kDelay && !body.find("delay_ms"))
        f.fail("delay_ms", "is required for mode delay");
    if (const Json *b = body.find("body")) {
        fault.has_body = b->kind != Json::Kind::kNull;
        if (b->kind == Json::Kind::kString)
            fault.body = b->text;
        else if (fault.has_body) {
            rapidjson::StringBuffer sb;
            JsonWriter w(sb);
            write_json(w, *b);
            fault.body.assign(sb.GetString(), sb.GetSize());
        }
    }
    f.check();
    faults_.add(fault);
    return resource_response(200, "Fault queued", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "path", fault.path);
        kv_str(w, "mode", mode);
        kv_int(w, "count", fault.remaining);
        kv_int(w, "pending", static_cast<long long>(faults_.size()));
        w.EndObject();
    });
}

Response Api::control_deposit(const Request &req) {
    Json body = parse_request_body(req.body);
    FieldReader f(body);
    std::string asset_id = f.string("asset_id", true, 64);
    auto amount = f.amount("amount", true);
    f.check();
    auto it = state_.assets.find(asset_id);
    if (it == state_.assets.end())
        throw ApiError(404, "not_found", "Asset not found", {{"asset_id", asset_id}});
    auto balance = it->second.balance.plus(*amount);
    if (!balance)
        throw ApiError(400, "validation_error", "The balance would exceed the emulator's range",
                       {{"amount", "is too large for this balance"}});
    it->second.balance = *balance;
    it->second.updated_at = sandbox_now();
    rapidjson::StringBuffer event;
    {
        JsonWriter w(event);
        w.StartObject();
        kv_str(w, "asset_id", asset_id);
        kv_str(w, "account_id", it->second.account_id);
        kv_str(w, "amount", amount->str());
        kv_str(w, "chain", it->second.chain);
        kv_str(w, "ticker", it->second.ticker);
        kv_str(w, "new_balance", balance->str());
        w.EndObject();
    }
    emit_event(it->second.user_id, "deposit.received",
               std::string(event.GetString(), event.GetSize()));
    // Auto-forwarding rules of the asset move their share on (handlers_auto_forwarding.cpp).
    forward_deposit(*this, it->second, *amount, sandbox_now());
    return resource_response(200, "Deposit credited", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "asset_id", asset_id);
        kv_str(w, "amount", amount->str());
        kv_str(w, "balance", balance->str());
        w.EndObject();
    });
}

// Every API route served (the core table, then every module's), as {"routes": [{method,
// pattern, scope, write}]}, so a test can compare the served API with a reference list.
Response Api::control_routes() {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    w.Key("routes");
    w.StartArray();
    for (const Route &r : routes()) {
        w.StartObject();
        kv_str(w, "method", r.method);
        kv_str(w, "pattern", r.pattern);
        kv_bool(w, "write", r.write);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    Response r;
    r.body.assign(sb.GetString(), sb.GetSize());
    return r;
}

Response Api::control_reset() {
    state_ = State{};
    clock_lead_ = std::chrono::seconds(0);
    stats_ = Stats{};
    faults_.clear();
    limiter_.clear();
    totp_.forget_used_steps();
    return resource_response(200, "Sandbox reset", [](JsonWriter &w) {
        w.StartObject();
        kv_bool(w, "reset", true);
        w.EndObject();
    });
}

}  // namespace yvsb
