// keys create | list | get | rotate | revoke | set-permissions
#include <string>
#include <vector>

#include "commands.hpp"
#include "settings.hpp"
#include "usage_error.hpp"
#include "yativo/client.hpp"

namespace yvcli {

namespace {

// A comma-separated list of `option` (spaces around items ignored); an empty item is a usage
// error that says what a list looks like (`example`).
std::vector<std::string> parse_list(const std::string &text, const char *option, const char *what,
                                    const char *example) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = text.find(',', start);
        std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        std::size_t a = item.find_first_not_of(" \t");
        std::size_t b = item.find_last_not_of(" \t");
        if (a == std::string::npos)
            throw UsageError(std::string(option) + " has an empty " + what +
                             ": give a comma-separated list like " + example);
        out.push_back(item.substr(a, b - a + 1));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::vector<std::string> parse_permissions(const std::string &text) {
    return parse_list(text, "--permissions", "scope", "read,write");
}

void write_key_json(JsonWriter &w, const yativo::ApiKey &k) {
    auto nullable = [&](const char *name, const std::string &value) {
        w.Key(name);
        if (value.empty())
            w.Null();
        else
            write_string(w, value);
    };
    w.StartObject();
    w.Key("id");
    write_string(w, k.id);
    w.Key("name");
    write_string(w, k.name);
    w.Key("api_key");
    write_string(w, k.api_key);
    if (!k.api_secret.empty()) {  // only after create and rotate: the command's purpose
        w.Key("api_secret");
        write_string(w, k.api_secret.reveal());
    }
    w.Key("permissions");
    w.StartArray();
    for (const auto &p : k.permissions) write_string(w, p);
    w.EndArray();
    w.Key("allowed_ips");
    w.StartArray();
    for (const auto &ip : k.allowed_ips) write_string(w, ip);
    w.EndArray();
    w.Key("status");
    write_string(w, k.status);
    w.Key("created_at");
    write_string(w, k.created_at);
    nullable("expires_at", k.expires_at);
    nullable("last_used_at", k.last_used_at);
    w.EndObject();
}

void print_key(const Output &out, const yativo::ApiKey &k) {
    if (out.json()) {
        out.json_value([&](JsonWriter &w) { write_key_json(w, k); });
        return;
    }
    std::vector<Fact> facts = {{"id", k.id}, {"name", k.name}, {"api key", k.api_key}};
    if (!k.api_secret.empty()) facts.push_back({"api secret (shown once)", k.api_secret.reveal()});
    facts.push_back({"permissions", join(k.permissions, ", ")});
    facts.push_back(
        {"allowed ips", k.allowed_ips.empty() ? std::string("any") : join(k.allowed_ips, ", ")});
    facts.push_back({"status", k.status});
    facts.push_back({"created", readable_time(k.created_at)});
    facts.push_back({"expires", readable_time(k.expires_at, "never")});
    facts.push_back({"last used", readable_time(k.last_used_at, "never")});
    out.facts(facts);
    if (!k.api_secret.empty())
        out.note("Store the api secret now: it is shown once and cannot be read again.");
}

}  // namespace

int run_keys_create(Context &ctx) {
    yativo::CreateApiKey params;
    params.name = *ctx.args.get(Opt::Name);
    if (params.name.empty()) throw UsageError("--name is empty");
    params.permissions = parse_permissions(*ctx.args.get(Opt::Permissions));
    if (const std::string *days = ctx.args.get(Opt::ExpiresInDays))
        params.expires_in_days =
            static_cast<int>(parse_positive_integer(*days, "--expires-in-days", 36500));
    if (const std::string *ips = ctx.args.get(Opt::AllowedIps))
        params.allowed_ips = parse_list(*ips, "--allowed-ips", "address", "203.0.113.7,10.0.0.0/8");
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    print_key(ctx.out, s.client.create_api_key(params, s.call));
    return 0;
}

int run_keys_list(Context &ctx) {
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    std::vector<yativo::ApiKey> keys = s.client.list_api_keys(s.call);
    if (ctx.out.json()) {
        ctx.out.json_value([&](JsonWriter &w) {
            w.StartArray();
            for (const auto &k : keys) write_key_json(w, k);
            w.EndArray();
        });
        return 0;
    }
    if (keys.empty()) {
        ctx.out.line("no API keys");
        return 0;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto &k : keys)
        rows.push_back({k.id, k.name, k.api_key, join(k.permissions, ","), k.status,
                        readable_time(k.created_at), readable_time(k.expires_at, "never"),
                        readable_time(k.last_used_at, "never")});
    ctx.out.table(
        {"id", "name", "api key", "permissions", "status", "created", "expires", "last used"},
        rows);
    return 0;
}

int run_keys_get(Context &ctx) {
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    print_key(ctx.out, s.client.get_api_key(ctx.operands[0], s.call));
    return 0;
}

int run_keys_rotate(Context &ctx) {
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    print_key(ctx.out, s.client.rotate_api_key(ctx.operands[0], s.call));
    return 0;
}

int run_keys_set_permissions(Context &ctx) {
    std::vector<std::string> permissions = parse_permissions(*ctx.args.get(Opt::Permissions));
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    print_key(ctx.out, s.client.update_api_key_permissions(ctx.operands[0], permissions, s.call));
    return 0;
}

int run_keys_revoke(Context &ctx) {
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    s.client.revoke_api_key(ctx.operands[0], s.call);
    if (ctx.out.json()) {
        ctx.out.json_value([&](JsonWriter &w) {
            w.StartObject();
            w.Key("id");
            write_string(w, ctx.operands[0]);
            w.Key("revoked");
            w.Bool(true);
            w.EndObject();
        });
    } else {
        ctx.out.line("revoked API key " + ctx.operands[0] +
                     ": it and its access tokens are refused from now on");
    }
    return 0;
}

}  // namespace yvcli
