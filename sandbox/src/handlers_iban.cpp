// Standalone IBAN (reference "IBAN"): onboarding of the user itself or of one of its customers as
// a state machine — initialized → kyc_submitted → approved (--iban-review seconds after the KYC,
// default at once; or POST /__sandbox/iban/approve) → issued (an IBAN with valid ISO 13616 check
// digits). A step out of order is 409 invalid_state and changes nothing.
#include "crypto.hpp"
#include "identity.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

const char kCountry[] = "DE";
const char kBankCode[] = "37040044";  // the emulated issuing bank's 8-digit Bankleitzahl
const char kBic[] = "YATVDEB1XXX";
const char *const kKycRequired[] = {"first_name", "last_name", "date_of_birth", "nationality",
                                    "address"};

std::string key_of(const std::string &user_id, const std::string &customer_id) {
    return user_id + "/" + customer_id;
}

// ISO 7064 mod 97-10 check digits of country + BBAN.
std::string check_digits(const std::string &country, const std::string &bban) {
    std::string rearranged = bban + country + "00";
    int rem = 0;
    for (char c : rearranged) {
        std::string digits =
            (c >= 'A' && c <= 'Z') ? std::to_string(c - 'A' + 10) : std::string(1, c);
        for (char d : digits) rem = (rem * 10 + (d - '0')) % 97;
    }
    int check = 98 - rem;
    return (check < 10 ? "0" : "") + std::to_string(check);
}

std::string new_iban() {
    auto raw = random_bytes(8);
    std::string account;
    for (size_t i = 0; account.size() < 10; ++i) account.push_back(char('0' + raw[i % 8] % 10));
    std::string bban = std::string(kBankCode) + account;
    return kCountry + check_digits(kCountry, bban) + bban;
}

// The customer named in the request (must be the caller's), or "" for the user itself.
std::string customer_of(Api &api, const Ctx &ctx, const std::string &customer_id) {
    if (customer_id.empty()) return {};
    auto it = api.state().customers.find(customer_id);
    if (it == api.state().customers.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Customer not found", {{"customer_id", customer_id}});
    return customer_id;
}

[[noreturn]] void wrong_state(const std::string &stage, const std::string &want,
                              const std::string &action) {
    throw ApiError(409, "invalid_state",
                   "Cannot " + action + " at stage " + stage + "; it needs stage " + want,
                   {{"stage", stage}, {"required_stage", want}});
}

void write_record(JsonWriter &w, const StandaloneIban *r, const std::string &customer_id) {
    w.StartObject();
    if (!r) {
        kv_str_or_null(w, "customer_id", customer_id);
        kv_str(w, "status", "not_started");
        kv_str(w, "stage", "not_started");
        kv_null(w, "iban");
        w.EndObject();
        return;
    }
    kv_str(w, "id", r->id);
    kv_str_or_null(w, "customer_id", r->customer_id);
    kv_str(w, "email", r->email);
    kv_str(w, "status", r->stage);
    kv_str(w, "stage", r->stage);
    kv_str_or_null(w, "iban", r->iban);
    kv_str_or_null(w, "bic", r->bic);
    if (!r->iban.empty()) {
        kv_str(w, "currency", "EUR");
        kv_str(w, "country", kCountry);
    }
    kv_bool(w, "kyc_submitted", !r->kyc_json.empty());
    kv_str(w, "created_at", iso8601_ms(r->created_at));
    kv_str(w, "updated_at", iso8601_ms(r->updated_at));
    w.EndObject();
}

Response options(Api &api, Ctx &) {
    return resource_response(200, "Standalone IBAN options", [&](JsonWriter &w) {
        w.StartObject();
        kv_bool(w, "enabled", true);
        kv_str_array(w, "currencies", {"EUR"});
        kv_str_array(w, "countries", {kCountry});
        kv_str(w, "bic", kBic);
        kv_str_array(w, "kyc_required_fields",
                     std::vector<std::string>(std::begin(kKycRequired), std::end(kKycRequired)));
        kv_str_array(w, "stages",
                     {"not_started", "initialized", "kyc_submitted", "approved", "issued"});
        kv_int(w, "review_seconds", api.options().iban_review);
        w.EndObject();
    });
}

Response init(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string email = f.string("email", true, 254);
    if (!email.empty() && email.find('@') == std::string::npos)
        f.fail("email", "must be an e-mail address");
    std::string customer_id = f.string("customer_id", false, 64);
    f.check();
    customer_id = customer_of(api, ctx, customer_id);
    auto &ibans = api.state().identity.ibans;
    std::string key = key_of(ctx.who.user_id, customer_id);
    auto found = ibans.find(key);
    if (found != ibans.end()) wrong_state(found->second.stage, "not_started", "initialize");
    StandaloneIban r;
    r.id = "iban_" + random_hex(12);
    r.user_id = ctx.who.user_id;
    r.customer_id = customer_id;
    r.email = lower_ascii(email);
    r.stage = "initialized";
    r.created_at = r.updated_at = ctx.now;
    ctx.resource_id = r.id;
    const StandaloneIban &stored = ibans[key] = r;
    return resource_response(201, "IBAN onboarding initialized",
                             [&](JsonWriter &w) { write_record(w, &stored, customer_id); });
}

StandaloneIban *find_record(Api &api, const Ctx &ctx, const std::string &customer_id) {
    auto &ibans = api.state().identity.ibans;
    auto it = ibans.find(key_of(ctx.who.user_id, customer_id));
    return it == ibans.end() ? nullptr : &it->second;
}

Response kyc(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    const Json *k = ctx.body.find("kyc");
    if (!k || k->kind == Json::Kind::kNull)
        f.fail("kyc", "is required");
    else if (!k->is_object())
        f.fail("kyc", "must be an object");
    else {
        FieldReader kr(*k);
        for (const char *name : kKycRequired) {
            const Json *addr = std::string(name) == "address" ? k->find(name) : nullptr;
            if (addr && addr->is_object()) {  // {line1, city, postal_code, country}
                FieldReader ar(*addr);
                ar.string("line1", true, 256);
                ar.string("country", true, 64);
                ar.string("city", false, 128);
                ar.string("postal_code", false, 32);
                if (!ar.ok()) kr.fail(name, "needs line1 and country");
                continue;
            }
            std::string v = kr.string(name, true, 256);
            if (v.empty() && !kr.failed(name)) kr.fail(name, "is required");
        }
        std::string dob = kr.string("date_of_birth", false, 32);
        if (!dob.empty() && (dob.size() != 10 || dob[4] != '-' || dob[7] != '-'))
            kr.fail("date_of_birth", "must be YYYY-MM-DD");
        try {
            kr.check();
        } catch (const ApiError &e) {
            for (const auto &d : e.details) f.fail("kyc." + d.first, d.second);
        }
    }
    std::string email = f.string("email", false, 254);
    std::string customer_id = f.string("customer_id", false, 64);
    f.check();
    customer_id = customer_of(api, ctx, customer_id);
    StandaloneIban *r = find_record(api, ctx, customer_id);
    if (!r) wrong_state("not_started", "initialized", "submit KYC");
    if (!email.empty() && lower_ascii(email) != r->email)
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{"email", "does not match the e-mail the onboarding was started with"}});
    if (r->stage != "initialized") wrong_state(r->stage, "initialized", "submit KYC");
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    write_json(w, *k, true);
    r->kyc_json.assign(sb.GetString(), sb.GetSize());
    r->stage = "kyc_submitted";
    r->updated_at = ctx.now;
    r->review_timed = api.options().iban_review >= 0;
    r->review_due = ctx.now + std::chrono::seconds(api.options().iban_review);
    ctx.resource_id = r->id;
    return resource_response(200, "KYC submitted for review",
                             [&](JsonWriter &jw) { write_record(jw, r, customer_id); });
}

Response request(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string customer_id = f.string("customer_id", false, 64);
    f.check();
    customer_id = customer_of(api, ctx, customer_id);
    StandaloneIban *r = find_record(api, ctx, customer_id);
    if (!r) wrong_state("not_started", "approved", "request an IBAN");
    if (r->stage != "approved") wrong_state(r->stage, "approved", "request an IBAN");
    r->iban = new_iban();
    r->bic = kBic;
    r->stage = "issued";
    r->updated_at = ctx.now;
    ctx.resource_id = r->id;
    rapidjson::StringBuffer sb;
    {
        JsonWriter w(sb);
        w.StartObject();
        kv_str(w, "iban_id", r->id);
        kv_str(w, "iban_number", r->iban);
        kv_str(w, "bic", r->bic);
        kv_str_or_null(w, "customer_id", r->customer_id);
        kv_str(w, "currency", "EUR");
        w.EndObject();
    }
    api.emit_event(ctx.who.user_id, "iban.activated", std::string(sb.GetString(), sb.GetSize()));
    return resource_response(201, "IBAN issued",
                             [&](JsonWriter &w) { write_record(w, r, customer_id); });
}

Response status(Api &api, Ctx &ctx) {
    auto q = query_param(ctx.req.target, "customer_id");
    std::string customer_id = customer_of(api, ctx, q ? *q : std::string());
    const StandaloneIban *r = find_record(api, ctx, customer_id);
    return resource_response(200, "IBAN status",
                             [&](JsonWriter &w) { write_record(w, r, customer_id); });
}

// POST /__sandbox/iban/approve {customer_id?, user_id?}: the review passes (default: the seeded
// user's own onboarding).
Response control_approve(Api &api, const Request &req) {
    Json body = parse_request_body(req.body);
    FieldReader f(body);
    std::string customer_id = f.string("customer_id", false, 64);
    std::string user_id = f.string("user_id", false, 64);
    f.check();
    if (!customer_id.empty()) {
        auto c = api.state().customers.find(customer_id);
        if (c == api.state().customers.end())
            throw ApiError(404, "not_found", "Customer not found", {{"customer_id", customer_id}});
        user_id = c->second.user_id;
    }
    if (user_id.empty()) user_id = api.seeded_user();
    auto &ibans = api.state().identity.ibans;
    auto it = ibans.find(key_of(user_id, customer_id));
    if (it == ibans.end())
        throw ApiError(404, "not_found", "No IBAN onboarding for this user or customer");
    StandaloneIban &r = it->second;
    if (r.stage != "kyc_submitted") wrong_state(r.stage, "kyc_submitted", "approve");
    r.stage = "approved";
    r.review_timed = false;
    r.updated_at = api.sandbox_now();
    return resource_response(200, "IBAN onboarding approved",
                             [&](JsonWriter &w) { write_record(w, &r, customer_id); });
}

void iban_tick(Api &api, SysTime t) {
    for (auto &entry : api.state().identity.ibans) {
        StandaloneIban &r = entry.second;
        if (r.stage == "kyc_submitted" && r.review_timed && t >= r.review_due) {
            r.stage = "approved";
            r.review_timed = false;
            r.updated_at = t;
        }
    }
}

}  // namespace

Module iban_module() {
    Module m;
    m.routes = {
        {"GET", "/iban/options", Scope::kRead, false, options},
        {"POST", "/iban/onboarding/init", Scope::kWrite, true, init},
        {"POST", "/iban/onboarding/kyc", Scope::kWrite, true, kyc},
        {"POST", "/iban/iban/request", Scope::kWrite, true, request},
        {"GET", "/iban/status", Scope::kRead, false, status},
    };
    m.control = {{"POST", "/__sandbox/iban/approve", control_approve}};
    m.tick = iban_tick;
    return m;
}

}  // namespace yvsb
