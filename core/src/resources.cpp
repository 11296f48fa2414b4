// yativo::Client: the calls of SPEC §1, each a thin description handed to ClientImpl::execute.
#include <strings.h>

#include <algorithm>
#include <new>

#include "address.hpp"
#include "client_impl.hpp"
#include "crypto.hpp"
#include "json_util.hpp"
#include "yativo/amount.hpp"
#include "yativo/client.hpp"
#include "yativo/defaults.hpp"
#include "yativo/status.hpp"

namespace yativo {

using detail::Call;

std::string new_idempotency_key() {
    return crypto::uuid4();
}

namespace {

void require(std::string_view value, const char *what) {
    if (value.empty()) throw_invalid(std::string(what) + " is empty");
}

void check_idempotency_key(const std::string &key) {
    if (key.empty()) return;
    if (key.size() > 255) throw_invalid("idempotency key is longer than 255 characters");
    for (char c : key)
        if (c <= 0x20 || c >= 0x7f)
            throw_invalid("idempotency key must be printable ASCII without spaces");
}

std::string priority_name(std::string_view p) {
    if (p.empty() || p == "medium") return "medium";
    if (p == "low" || p == "slow") return "low";
    if (p == "high" || p == "fast") return "high";
    throw_invalid("priority \"" + std::string(p) +
                  "\" is not low, medium or high (slow and fast are aliases)");
}

void check_permissions(const std::vector<std::string> &perms) {
    if (perms.empty())
        throw_invalid(
            "permissions is empty: give at least one scope (read, write, transactions, webhooks)");
    for (const auto &p : perms) {
        if (p.empty()) throw_invalid("permissions contains an empty scope");
        for (char c : p)
            if (static_cast<unsigned char>(c) <= 0x20)
                throw_invalid("permission \"" + p + "\" contains spaces");
    }
}

struct Body {
    rapidjson::StringBuffer buffer;
    json::Writer w{buffer};
    std::string str() const { return std::string(buffer.GetString(), buffer.GetSize()); }
    // "name": "value"; with `optional`, nothing when the value is empty.
    Body &field(const char *name, std::string_view value, bool optional = false) {
        if (optional && value.empty()) return *this;
        json::key(w, name);
        json::string(w, value);
        return *this;
    }
};

Call make_call(const char *method, std::string path, bool read_only) {
    Call c;
    c.method = method;
    c.path = std::move(path);
    c.read_only = read_only;
    return c;
}

// A write carries the caller's idempotency key, when there is one.
Call write_call(const char *method, std::string path, const CallOptions &opts) {
    check_idempotency_key(opts.idempotency_key);
    Call c = make_call(method, std::move(path), false);
    c.idempotency_key = opts.idempotency_key;
    return c;
}

// The key a value-moving call used, in its payload too (when the payload is an object that does
// not name one already), so a caller who gave none can still find it. The server has acted by
// now: running out of memory here reports the key, outcome unknown, instead of losing it.
void add_idempotency_key(Payload &payload, const Call &call) {
    try {
        rapidjson::Document &doc = payload.document();
        auto &value = const_cast<rapidjson::Value &>(payload.value());
        if (value.IsObject() && !value.HasMember("idempotency_key"))
            value.AddMember("idempotency_key",
                            rapidjson::Value(call.idempotency_key.c_str(), doc.GetAllocator()),
                            doc.GetAllocator());
    } catch (const std::bad_alloc &) {
        Error err(Status::NO_MEMORY, "out of memory after " + call.method + " " + call.path +
                                         ": its outcome is unknown");
        err.idempotency_key = call.idempotency_key;
        err.outcome_unknown = true;
        err.retryable = true;
        throw err;
    }
}

void set_body(Call &c, const Body &b) {
    c.body = b.str();
    c.has_body = true;
}

ApiKey to_api_key(const rapidjson::Value &v) {
    if (!v.IsObject()) throw Error(Status::PROTOCOL, "API key answer is not an object");
    ApiKey k;
    k.id = json::str(v, "id");
    if (k.id.empty()) k.id = json::str(v, "key_id");
    k.name = json::str(v, "name");
    if (k.name.empty()) k.name = json::str(v, "key_name");
    k.api_key = json::str(v, "api_key");
    std::string secret = json::str(v, "api_secret");
    k.api_secret = Secret(secret);
    wipe(secret);
    k.permissions = json::strings(v, "permissions");
    if (k.permissions.empty()) k.permissions = json::strings(v, "scopes");
    k.status = json::str(v, "status");
    k.created_at = json::str(v, "created_at");
    k.expires_at = json::str(v, "expires_at");
    k.last_used_at = json::str(v, "last_used_at");
    if (k.id.empty() && k.api_key.empty())
        throw Error(Status::PROTOCOL, "API key answer has no id");
    return k;
}

const rapidjson::Value *find_object(const rapidjson::Value &v, const char *name) {
    const rapidjson::Value *inner = json::member(v, name);
    return inner && inner->IsObject() ? inner : nullptr;
}

// An answer may be the key itself or wrap it ({"key": {...}}, {"api_key": {...}}).
ApiKey key_from_payload(Payload &p) {
    const rapidjson::Value &v = p.value();
    const rapidjson::Value *inner = find_object(v, "key");
    if (!inner) inner = find_object(v, "api_key");
    ApiKey k = to_api_key(inner ? *inner : v);
    json::wipe_strings(p.document());  // the raw answer may hold api_secret
    return k;
}

}  // namespace

Client::Client(ClientOptions options)
    : impl_(std::make_unique<detail::ClientImpl>(std::move(options))) {}
Client::Client(std::unique_ptr<detail::ClientImpl> impl) : impl_(std::move(impl)) {
    if (!impl_) throw_invalid("client engine is null");
}
Client::~Client() = default;
Client::Client(Client &&) noexcept = default;
Client &Client::operator=(Client &&) noexcept = default;

void Client::set_credentials(std::string api_key, Secret api_secret) {
    impl_->set_credentials(std::move(api_key), std::move(api_secret));
}
void Client::set_access_token(Secret token) {
    impl_->set_access_token(std::move(token));
}
const std::string &Client::base_url() const noexcept {
    return impl_->base_url();
}
std::chrono::milliseconds Client::total_timeout() const noexcept {
    return impl_->total_timeout();
}
std::optional<RateLimit> Client::rate_limit() const {
    return impl_->rate_limit();
}
AccessToken Client::token(const CallOptions &call) {
    return impl_->token(call);
}

// --- API keys ---

ApiKey Client::create_api_key(const CreateApiKey &params, const CallOptions &opts) {
    require(params.name, "name");
    check_permissions(params.permissions);
    if (params.expires_in_days && *params.expires_in_days <= 0)
        throw_invalid("expires_in_days must be a positive number of days");
    Body b;
    b.w.StartObject();
    json::key(b.w, "name");
    json::string(b.w, params.name);
    json::key(b.w, "permissions");
    json::string_array(b.w, params.permissions);
    if (params.expires_in_days) {
        json::key(b.w, "expires_in_days");
        b.w.Int(*params.expires_in_days);
    }
    b.w.EndObject();
    Call c = write_call("POST", "/apikey/create", opts);
    set_body(c, b);
    c.needs_2fa = true;
    c.sensitive_response = true;
    Payload p = impl_->execute(c, opts);
    return key_from_payload(p);
}

std::vector<ApiKey> Client::list_api_keys(const CallOptions &opts) {
    Call c = make_call("GET", "/apikey/list", true);
    Payload p = impl_->execute(c, opts);
    const rapidjson::Value *arr = &p.value();
    if (arr->IsObject()) arr = json::member(*arr, "keys");
    if (!arr || !arr->IsArray())
        throw Error(Status::PROTOCOL, "API key list answer has no keys array");
    std::vector<ApiKey> out;
    for (const auto &item : arr->GetArray()) out.push_back(to_api_key(item));
    return out;
}

ApiKey Client::get_api_key(std::string_view id, const CallOptions &opts) {
    Call c = make_call("GET", "/apikey/" + detail::path_segment(id, "key id"), true);
    Payload p = impl_->execute(c, opts);
    return key_from_payload(p);
}

ApiKey Client::rotate_api_key(std::string_view id, const CallOptions &opts) {
    Call c = write_call("POST", "/apikey/" + detail::path_segment(id, "key id") + "/rotate", opts);
    c.needs_2fa = true;
    c.sensitive_response = true;
    Payload p = impl_->execute(c, opts);
    return key_from_payload(p);
}

ApiKey Client::update_api_key_permissions(std::string_view id,
                                          const std::vector<std::string> &perms,
                                          const CallOptions &opts) {
    std::string seg = detail::path_segment(id, "key id");
    check_permissions(perms);
    Body b;
    b.w.StartObject();
    json::key(b.w, "permissions");
    json::string_array(b.w, perms);
    b.w.EndObject();
    // Replacing the whole set is idempotent by nature; it still goes through the keyed rules.
    Call c = write_call("PUT", "/apikey/" + seg + "/permissions", opts);
    set_body(c, b);
    c.needs_2fa = true;
    Payload p = impl_->execute(c, opts);
    return key_from_payload(p);
}

void Client::revoke_api_key(std::string_view id, const CallOptions &opts) {
    Call c = write_call("POST", "/apikey/" + detail::path_segment(id, "key id") + "/revoke", opts);
    c.needs_2fa = true;
    impl_->execute(c, opts);
}

// --- Accounts, assets, balance ---

Payload Client::list_accounts(const CallOptions &opts) {
    Call c = make_call("GET", "/accounts/get-accounts", true);
    return impl_->execute(c, opts);
}

Payload Client::create_account(std::string_view account_name, std::string_view account_type,
                               const CallOptions &opts) {
    require(account_name, "account_name");
    require(account_type, "account_type");
    Call c = write_call("POST", "/accounts/create-account", opts);
    Body b;
    b.w.StartObject();
    b.field("account_name", account_name).field("account_type", account_type);
    b.w.EndObject();
    set_body(c, b);
    return impl_->execute(c, opts);
}

Payload Client::add_asset(std::string_view account_id, std::string_view chain,
                          std::string_view ticker, const CallOptions &opts) {
    require(account_id, "account_id");
    require(chain, "chain");
    require(ticker, "ticker");
    Call c = write_call("POST", "/assets/add-asset", opts);
    Body b;
    b.w.StartObject();
    b.field("account_id", account_id).field("chain", chain).field("ticker", ticker);
    b.w.EndObject();
    set_body(c, b);
    return impl_->execute(c, opts);
}

Payload Client::list_assets(std::string_view account_id, const CallOptions &opts) {
    Body b;
    b.w.StartObject();
    b.field("account_id", account_id, true);
    b.w.EndObject();
    Call c = make_call("POST", "/assets/get-user-assets", true);
    set_body(c, b);
    return impl_->execute(c, opts);
}

Payload Client::check_balance(std::string_view asset_id, const CallOptions &opts) {
    require(asset_id, "asset_id");
    Body b;
    b.w.StartObject();
    b.field("asset_id", asset_id);
    b.w.EndObject();
    Call c = make_call("POST", "/balance/check", true);
    set_body(c, b);
    return impl_->execute(c, opts);
}

// --- Transactions ---

Payload Client::gas_price(std::string_view chain, std::string_view priority,
                          std::string_view extra_fields_json, const CallOptions &opts) {
    require(chain, "chain");
    std::string prio = priority_name(priority);
    Body b;
    b.w.StartObject();
    json::key(b.w, "chainType");
    json::string(b.w, chain);
    json::key(b.w, "priority");
    json::string(b.w, prio);
    if (!extra_fields_json.empty() && !json::merge_object(b.w, extra_fields_json))
        throw_invalid("gas price fields must be a JSON object");
    b.w.EndObject();
    Call c = make_call("POST", "/transactions/get-gas-price", true);
    set_body(c, b);
    return impl_->execute(c, opts);
}

SendResult Client::send_funds(const SendFunds &s, const CallOptions &opts) {
    require(s.account, "account");
    require(s.assets, "assets");
    require(s.type, "type");
    require(s.chain, "chain");
    require(s.category, "category");
    std::string amount = validate_amount(s.amount);
    detail::validate_address(s.chain, s.receiving_address);
    std::string prio = priority_name(s.priority);
    check_idempotency_key(opts.idempotency_key);
    Body b;
    b.w.StartObject();
    b.field("account", s.account)
        .field("assets", s.assets)
        .field("receiving_address", s.receiving_address);
    json::key(b.w, "amount");
    // Exactly the digits given, as a JSON number: never through a double.
    b.w.RawValue(amount.data(), amount.size(), rapidjson::kNumberType);
    b.field("type", s.type).field("chain", s.chain).field("category", s.category);
    b.field("priority", prio).field("description", s.description, true);
    json::key(b.w, "use_self_funding");
    b.w.Bool(s.use_self_funding);
    b.w.EndObject();
    Call c = make_call("POST", "/transactions/send-funds", false);
    set_body(c, b);
    c.idempotency_key = opts.idempotency_key.empty() ? new_idempotency_key() : opts.idempotency_key;
    // An optional 2FA code, for accounts where transfers require one.
    c.needs_2fa = !opts.totp_code.empty();
    c.two_factor_on_demand = true;
    SendResult result;
    result.idempotency_key = c.idempotency_key;
    result.payload = impl_->execute(c, opts);
    add_idempotency_key(result.payload, c);
    return result;
}

Payload Client::list_transactions(const TransactionQuery &q, const CallOptions &opts) {
    if (q.page < 1) throw_invalid("page must be 1 or more");
    if (q.limit && (*q.limit < 1 || *q.limit > defaults::max_page_limit))
        throw_invalid("limit must be between 1 and 100");
    Body b;
    b.w.StartObject();
    json::key(b.w, "page");
    b.w.Int(q.page);
    if (q.limit) {
        json::key(b.w, "limit");
        b.w.Int(*q.limit);
    }
    b.field("status", q.status, true).field("chain", q.chain, true).field("search", q.search, true);
    b.w.EndObject();
    Call c = make_call("POST", "/transactions/get-transactions", true);
    set_body(c, b);
    return impl_->execute(c, opts);
}

// --- Webhooks ---

Webhook Client::create_webhook(std::string_view url, const std::vector<std::string> &events,
                               std::string_view description, const CallOptions &opts) {
    require(url, "webhook url");
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
        throw_invalid("webhook url must start with https:// (or http://)");
    if (events.empty()) throw_invalid("events is empty: give at least one event type");
    for (const auto &e : events) require(e, "event type");
    Body b;
    b.w.StartObject();
    json::key(b.w, "url");
    json::string(b.w, url);
    json::key(b.w, "events");
    json::string_array(b.w, events);
    if (!description.empty()) {
        json::key(b.w, "description");
        json::string(b.w, description);
    }
    b.w.EndObject();
    Call c = write_call("POST", "/webhook/create", opts);
    set_body(c, b);
    c.sensitive_response = true;
    Payload p = impl_->execute(c, opts);
    const rapidjson::Value *v = &p.value();
    if (const rapidjson::Value *inner = find_object(*v, "webhook")) v = inner;
    if (!v->IsObject()) throw Error(Status::PROTOCOL, "webhook answer is not an object");
    Webhook hook;
    hook.id = json::str(*v, "id");
    hook.url = json::str(*v, "url");
    hook.events = json::strings(*v, "events");
    hook.description = json::str(*v, "description");
    hook.created_at = json::str(*v, "created_at");
    std::string secret = json::str(*v, "secret");
    if (secret.empty()) secret = json::str(*v, "webhook_secret");
    hook.secret = Secret(secret);
    wipe(secret);
    if (hook.id.empty()) throw Error(Status::PROTOCOL, "webhook answer has no id");
    // `raw` keeps the answer without its secret.
    auto &mv = const_cast<rapidjson::Value &>(*v);
    for (const char *name : {"secret", "webhook_secret"}) {
        auto it = mv.FindMember(name);
        if (it != mv.MemberEnd()) {
            json::wipe_strings(it->value);
            mv.RemoveMember(it);
        }
    }
    hook.raw = p;
    return hook;
}

Payload Client::list_webhooks(const CallOptions &opts) {
    Call c = make_call("GET", "/webhook/list", true);
    return impl_->execute(c, opts);
}

void Client::delete_webhook(std::string_view id, const CallOptions &opts) {
    Call c = write_call("DELETE", "/webhook/" + detail::path_segment(id, "webhook id"), opts);
    impl_->execute(c, opts);
}

// --- Anything else ---

namespace {
bool read_only_post(const std::string &path) {
    static const char *paths[] = {"/balance/check", "/assets/get-user-assets",
                                  "/transactions/get-gas-price", "/transactions/get-transactions"};
    std::string p = path.substr(0, path.find('?'));
    return std::any_of(std::begin(paths), std::end(paths), [&](const char *x) { return p == x; });
}

}  // namespace

// `*` is one path segment.
bool moves_value(std::string_view method, std::string_view path) {
    static const char *const patterns[] = {
        "/transactions/send-funds",
        "/swap/execute",
        "/yativo-card/fund",
        "/card-issuer/fund-customer",
        "/card-issuer/deposits/*/fund",
        "/yativo-card/*/cards/physical/order/*/payment",
    };
    if (method.size() != 4 || strncasecmp(method.data(), "POST", 4) != 0) return false;
    std::string_view p(path);
    p = p.substr(0, p.find('?'));
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    return std::any_of(std::begin(patterns), std::end(patterns), [&](std::string_view pattern) {
        std::string_view rest = p;
        while (!pattern.empty() && !rest.empty()) {
            std::size_t ps = pattern.find('/', 1), rs = rest.find('/', 1);
            std::string_view pseg = pattern.substr(0, ps), rseg = rest.substr(0, rs);
            if (pseg != "/*" ? pseg != rseg : rseg.size() < 2) return false;
            pattern = ps == std::string_view::npos ? std::string_view() : pattern.substr(ps);
            rest = rs == std::string_view::npos ? std::string_view() : rest.substr(rs);
        }
        return pattern.empty() && rest.empty();
    });
}

Payload Client::request(std::string_view method_in, std::string_view path,
                        std::string_view json_body, const CallOptions &opts) {
    std::string method(method_in);
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    static const char *methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (std::none_of(std::begin(methods), std::end(methods),
                     [&](const char *m) { return method == m; }))
        throw_invalid("method \"" + std::string(method_in) +
                      "\" is not GET, POST, PUT, PATCH or DELETE");
    std::string p = detail::normalize_path(path);
    if (!json_body.empty() && !json::parse(json_body))
        throw_invalid("request body is not valid JSON");
    if (method == "GET" && !json_body.empty()) throw_invalid("a GET request takes no body");
    check_idempotency_key(opts.idempotency_key);
    Call c =
        make_call(method.c_str(), p, method == "GET" || (method == "POST" && read_only_post(p)));
    if (!json_body.empty()) {
        c.body = std::string(json_body);
        c.has_body = true;
    }
    c.idempotency_key = opts.idempotency_key;
    const bool value_moving = moves_value(method, p);
    if (value_moving && c.idempotency_key.empty()) c.idempotency_key = new_idempotency_key();
    if (p.rfind("/apikey/", 0) == 0 && (method != "GET" && p != "/apikey/token"))
        c.needs_2fa = !opts.totp_code.empty() || impl_->totp() != nullptr;
    else
        c.needs_2fa = !opts.totp_code.empty();
    c.two_factor_on_demand = true;
    Payload payload = impl_->execute(c, opts);
    if (value_moving) add_idempotency_key(payload, c);
    return payload;
}

}  // namespace yativo
