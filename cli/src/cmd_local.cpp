// totp, webhooks verify: commands that need no server.
#include <chrono>

#include "commands.hpp"
#include "settings.hpp"
#include "usage_error.hpp"
#include "yativo/defaults.hpp"
#include "yativo/totp.hpp"
#include "yativo/version.hpp"
#include "yativo/webhook.hpp"

namespace yvcli {

int run_totp(Context &ctx) {
    yativo::Secret secret = resolve_totp_secret(ctx.args, ctx.inputs);
    const std::chrono::seconds period =
        resolve_totp_period(ctx.args).value_or(yativo::defaults::totp_period);
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    yativo::Secret code = yativo::totp(secret.reveal(), now, period);
    const long long valid_for = period.count() - now % period.count();
    if (ctx.out.json()) {
        ctx.out.json_value([&](JsonWriter &w) {
            w.StartObject();
            w.Key("code");
            write_string(w, code.reveal());
            w.Key("period");
            w.Int64(period.count());
            w.Key("valid_for");
            w.Int64(valid_for);
            w.EndObject();
        });
        return 0;
    }
    ctx.out.facts({{"code", code.reveal()}, {"valid for", std::to_string(valid_for) + " s"}});
    return 0;
}

int run_version(Context &ctx) {
    if (ctx.out.json()) {
        ctx.out.json_value([](JsonWriter &w) {
            w.StartObject();
            w.Key("version");
            write_string(w, yativo::version());
            w.EndObject();
        });
        return 0;
    }
    ctx.out.facts({{"yativo", yativo::version()}});
    return 0;
}

int run_webhooks_verify(Context &ctx) {
    yativo::HeaderList headers;
    for (const auto &h : ctx.args.all(Opt::Header)) {
        std::size_t colon = h.find(':');
        std::string name = h.substr(0, colon);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
        if (colon == std::string::npos || name.empty() ||
            name.find_first_of(" \t") != std::string::npos)
            throw UsageError("--header must look like 'Name: value'");
        std::string value = h.substr(colon + 1);
        std::size_t a = value.find_first_not_of(" \t");
        std::size_t b = value.find_last_not_of(" \t\r\n");
        value = a == std::string::npos ? "" : value.substr(a, b - a + 1);
        headers.emplace_back(std::move(name), std::move(value));
    }
    yativo::VerifyOptions options;
    if (const std::string *tolerance = ctx.args.get(Opt::Tolerance))
        options.tolerance =
            std::chrono::seconds(parse_positive_integer(*tolerance, "--tolerance", 31536000));
    options.require_timestamp = ctx.args.has(Opt::RequireTimestamp);
    std::string body = ctx.inputs.file_or_stdin(*ctx.args.get(Opt::Body), "--body");
    yativo::Secret secret = ctx.inputs.secret(*ctx.args.get(Opt::Secret), "--secret");

    yativo::WebhookEvent event = yativo::verify_webhook(body, headers, secret, options);
    if (ctx.out.json()) {
        ctx.out.json_value([&](JsonWriter &w) { event.raw.value().Accept(w); });
        return 0;
    }
    ctx.out.facts({{"signature", "valid"},
                   {"event id", event.id.empty() ? "-" : event.id},
                   {"type", event.type.empty() ? "-" : event.type},
                   {"created", readable_time(event.created_at)},
                   {"data", event.data.json()}});
    return 0;
}

}  // namespace yvcli
