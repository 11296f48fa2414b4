// token, request: the commands that reach the API directly.
#include <algorithm>
#include <chrono>
#include <ctime>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>

#include "commands.hpp"
#include "settings.hpp"
#include "usage_error.hpp"
#include "yativo/client.hpp"

namespace yvcli {

namespace {

std::string utc_iso_in(long long seconds) {
    std::time_t t = std::time(nullptr) + static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool is_scalar(const rapidjson::Value &v) {
    return !v.IsObject() && !v.IsArray();
}

bool ends_with(const std::string &s, const char *suffix) {
    std::string t(suffix);
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

// Dates (`created_at`, `expires_at`, ...) are shown readable; other values as they are.
std::string scalar_text(const rapidjson::Value &v, const std::string &name = {}) {
    if (v.IsString()) {
        std::string text(v.GetString(), v.GetStringLength());
        return ends_with(name, "_at") ? readable_time(text) : text;
    }
    if (v.IsNull()) return "-";
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    rapidjson::StringBuffer buffer;  // numbers (the core keeps them as text, this is a fallback)
    JsonWriter w(buffer);
    v.Accept(w);
    return buffer.GetString();
}

bool flat_object(const rapidjson::Value &v) {
    if (!v.IsObject()) return false;
    for (const auto &m : v.GetObject())
        if (!is_scalar(m.value)) return false;
    return true;
}

}  // namespace

// A payload for people: an object of plain values as facts, a list of such objects as a table,
// anything deeper as indented JSON.
void print_payload(const Output &out, const rapidjson::Value &v) {
    if (out.json()) {
        out.json_value([&](JsonWriter &w) { v.Accept(w); });
        return;
    }
    if (flat_object(v) && v.MemberCount() > 0) {
        std::vector<Fact> facts;
        for (const auto &m : v.GetObject()) {
            std::string name(m.name.GetString(), m.name.GetStringLength());
            facts.push_back({name, scalar_text(m.value, name)});
        }
        out.facts(facts);
        return;
    }
    if (v.IsArray() && v.Empty()) {
        out.line("(empty list)");
        return;
    }
    if (v.IsArray() && std::all_of(v.Begin(), v.End(), flat_object)) {
        std::vector<std::string> headers;
        for (const auto &item : v.GetArray())
            for (const auto &m : item.GetObject()) {
                std::string name(m.name.GetString(), m.name.GetStringLength());
                if (std::find(headers.begin(), headers.end(), name) == headers.end())
                    headers.push_back(name);
            }
        std::vector<std::vector<std::string>> rows;
        for (const auto &item : v.GetArray()) {
            std::vector<std::string> row;
            for (const auto &h : headers) {
                auto it = item.FindMember(h.c_str());
                row.push_back(it == item.MemberEnd() ? "-" : scalar_text(it->value, h));
            }
            rows.push_back(std::move(row));
        }
        out.table(headers, rows);
        return;
    }
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    v.Accept(w);
    out.line(std::string(buffer.GetString(), buffer.GetSize()));
}

namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

}  // namespace

int run_token(Context &ctx) {
    Session s = open_session(ctx.args, ctx.inputs, Credentials::KeyAndSecret);
    yativo::AccessToken t = s.client.token(s.call);
    std::string expires_at = t.expires_at.empty() ? utc_iso_in(t.expires_in) : t.expires_at;
    if (ctx.out.json()) {
        ctx.out.json_value([&](JsonWriter &w) {
            w.StartObject();
            w.Key("access_token");
            write_string(w, t.access_token.reveal());
            w.Key("token_type");
            write_string(w, t.token_type);
            w.Key("expires_in");
            w.Int64(t.expires_in);
            w.Key("expires_at");
            write_string(w, expires_at);
            w.Key("scopes");
            w.StartArray();
            for (const auto &scope : t.scopes) write_string(w, scope);
            w.EndArray();
            w.EndObject();
        });
        return 0;
    }
    ctx.out.facts({{"access token", t.access_token.reveal()},
                   {"token type", t.token_type},
                   {"expires in", readable_duration(t.expires_in)},
                   {"expires at", readable_time(expires_at)},
                   {"scopes", t.scopes.empty() ? "-" : join(t.scopes, ", ")}});
    return 0;
}

int run_request(Context &ctx) {
    const std::string method = upper(ctx.operands[0]);
    static const char *methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (std::none_of(std::begin(methods), std::end(methods),
                     [&](const char *m) { return method == m; }))
        throw UsageError("METHOD must be GET, POST, PUT, PATCH or DELETE");
    const std::string &path = ctx.operands[1];
    if (path.empty()) throw UsageError("PATH is empty");

    std::string body;
    if (const std::string *data = ctx.args.get(Opt::Data)) {
        if (method == "GET") throw UsageError("a GET request takes no --data");
        body = ctx.inputs.text(*data, "--data");
        rapidjson::Document doc;
        doc.Parse(body.c_str(), body.size());
        if (doc.HasParseError())
            throw UsageError("--data is not valid JSON at byte " +
                             std::to_string(doc.GetErrorOffset()) + ": " +
                             rapidjson::GetParseError_En(doc.GetParseError()));
    }
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    if (const std::string *key = ctx.args.get(Opt::IdempotencyKey)) s.call.idempotency_key = *key;
    yativo::Payload payload = s.client.request(method, path, body, s.call);
    print_payload(ctx.out, payload.value());
    return 0;
}

}  // namespace yvcli
