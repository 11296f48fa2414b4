#include "output.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include <rapidjson/document.h>

#include "exit_codes.hpp"

namespace yvcli {

namespace {

// Terminal columns taken by UTF-8 text (continuation bytes take none).
std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void pad(std::string &out, std::string_view cell, std::size_t width) {
    out += cell;
    out.append(width - std::min(width, display_width(cell)), ' ');
}

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void Output::facts(const std::vector<Fact> &facts) const {
    std::size_t width = 0;
    for (const auto &f : facts) width = std::max(width, display_width(f.first));
    std::string out;
    for (const auto &f : facts) {
        pad(out, f.first, width + 2);
        out += f.second;
        out += '\n';
    }
    std::cout << out << std::flush;
}

void Output::table(const std::vector<std::string> &headers,
                   const std::vector<std::vector<std::string>> &rows) const {
    std::vector<std::size_t> widths(headers.size(), 0);
    for (std::size_t c = 0; c < headers.size(); ++c) widths[c] = display_width(headers[c]);
    for (const auto &row : rows)
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    auto render = [&](const std::vector<std::string> &cells, std::string &out) {
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            if (c + 1 == cells.size())
                out += cells[c];  // no trailing spaces
            else
                pad(out, cells[c], widths[c] + 2);
        }
        out += '\n';
    };
    std::string out;
    std::vector<std::string> upper = headers;
    for (auto &h : upper)
        std::transform(h.begin(), h.end(), h.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    render(upper, out);
    for (const auto &row : rows) render(row, out);
    std::cout << out << std::flush;
}

void Output::line(std::string_view text) const {
    std::cout << text << '\n' << std::flush;
}

void Output::note(std::string_view text) const {
    std::cerr << text << '\n' << std::flush;
}

void Output::json_value(const std::function<void(JsonWriter &)> &write) const {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write(w);
    std::cout.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    std::cout << '\n' << std::flush;
}

std::string readable_time(std::string_view iso, std::string_view empty) {
    if (iso.empty()) return std::string(empty);
    // YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]
    if (iso.size() < 19 || !digits(iso.substr(0, 4)) || iso[4] != '-' || iso[7] != '-' ||
        (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':' || iso[16] != ':')
        return std::string(iso);
    std::string out = std::string(iso.substr(0, 10)) + " " + std::string(iso.substr(11, 8));
    std::string_view rest = iso.substr(19);
    if (!rest.empty() && rest[0] == '.') {
        std::size_t n = 1;
        while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
        rest.remove_prefix(n);
    }
    if (rest.empty() || rest == "Z" || rest == "+00:00" || rest == "-00:00") return out + " UTC";
    if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':')
        return out + " UTC" + std::string(rest);
    return std::string(iso);
}

std::string readable_duration(long long seconds) {
    if (seconds <= 0) return "0 s";
    std::string out;
    auto part = [&](long long value, const char *unit) {
        if (value == 0) return;
        if (!out.empty()) out += ' ';
        out += std::to_string(value) + " " + unit;
    };
    part(seconds / 86400, "d");
    part(seconds / 3600 % 24, "h");
    part(seconds / 60 % 60, "min");
    part(seconds % 60, "s");
    return out;
}

std::string join(const std::vector<std::string> &items, std::string_view separator) {
    std::string out;
    for (const auto &item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

void write_string(JsonWriter &w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_key(JsonWriter &w, const char *key) {
    w.Key(key);
}

namespace {

std::string hint_for(const yativo::Error &e) {
    using yativo::Status;
    switch (e.code()) {
        case Status::OK:
            return "";
        case Status::INVALID_ARGUMENT:
            return "correct that value (nothing was sent)";
        case Status::AUTHENTICATION:
            return "check --api-key and --api-secret, or --access-token (YATIVO_API_KEY, "
                   "YATIVO_API_SECRET, YATIVO_ACCESS_TOKEN); the key may be revoked, expired or "
                   "rotated";
        case Status::TWO_FACTOR_REQUIRED:
            return "give --totp-secret (or YATIVO_TOTP_SECRET) so codes are computed, or a fresh "
                   "--totp CODE";
        case Status::PERMISSION_DENIED:
            return "use a credential holding the scope this call needs (yativo keys get ID shows "
                   "a key's permissions)";
        case Status::NOT_FOUND:
            return "check the id or path (yativo keys list shows the key ids)";
        case Status::CONFLICT:
            return "this idempotency key was used for a different request: use a new "
                   "--idempotency-key";
        case Status::VALIDATION:
            return "the server refused the input: correct it and try again";
        case Status::RATE_LIMITED:
            return e.retry_after_s
                       ? "wait " +
                             std::to_string(static_cast<long long>(*e.retry_after_s + 0.999)) +
                             " s and try again"
                       : "wait a little and try again";
        case Status::SERVER:
            return "the server failed: try again later";
        case Status::NETWORK:
            return "check --base-url and that the server is reachable";
        case Status::TIMEOUT:
            return "try again, or allow more time with --timeout SECONDS";
        case Status::TLS:
            return "check the server's certificate and the system's CA store";
        case Status::PROTOCOL:
            return "the answer was not the API's JSON: check that --base-url ends in /api/v1";
        case Status::SIGNATURE_INVALID:
            return "check the webhook secret, that --body holds the exact bytes received, and "
                   "the signature headers";
        case Status::CANCELLED:
            return "the call was cancelled";
        case Status::NO_MEMORY:
            return "free some memory and try again";
        case Status::INTERNAL:
            return "this is a bug in libyativo: please report it";
    }
    return "";
}

void print_json_error(const std::function<void(JsonWriter &)> &fields) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("error");
    w.StartObject();
    fields(w);
    w.EndObject();
    w.EndObject();
    std::cerr.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    std::cerr << '\n' << std::flush;
}

}  // namespace

void print_usage_error(const std::string &message, const std::string &command_path, bool json) {
    const std::string help = "run 'yativo " + (command_path.empty() ? "" : command_path + " ") +
                             "--help' for usage (nothing was sent)";
    if (json) {
        print_json_error([&](JsonWriter &w) {
            w.Key("status");
            w.String("USAGE");
            w.Key("exit_code");
            w.Int(kExitUsage);
            w.Key("message");
            write_string(w, message);
            w.Key("hint");
            write_string(w, help);
        });
        return;
    }
    std::cerr << "yativo: " << message << "; " << help << '\n' << std::flush;
}

void print_error(const yativo::Error &e, bool json) {
    std::string hint = hint_for(e);
    if (e.outcome_unknown)
        hint += e.idempotency_key.empty()
                    ? "; the request may have been processed: check before repeating it"
                    : "; the request may have been processed: repeat it with --idempotency-key " +
                          e.idempotency_key + " to be safe";
    if (json) {
        print_json_error([&](JsonWriter &w) {
            w.Key("status");
            w.String(yativo::status_name(e.code()));
            w.Key("exit_code");
            w.Int(exit_code(e.code()));
            w.Key("message");
            write_string(w, e.message());
            w.Key("hint");
            write_string(w, hint);
            if (e.http_status) {
                w.Key("http_status");
                w.Int(e.http_status);
            }
            auto optional_string = [&](const char *key, const std::string &value) {
                if (value.empty()) return;
                w.Key(key);
                write_string(w, value);
            };
            optional_string("error_code", e.error_code);
            optional_string("request_id", e.request_id);
            optional_string("existing_transaction_id", e.existing_transaction_id);
            optional_string("idempotency_key", e.idempotency_key);
            if (e.retry_after_s) {
                w.Key("retry_after");
                w.Double(*e.retry_after_s);
            }
            if (!e.details_json.empty()) {
                rapidjson::Document details;
                details.Parse(e.details_json.c_str(), e.details_json.size());
                if (!details.HasParseError()) {
                    w.Key("details");
                    details.Accept(w);
                }
            }
            w.Key("outcome_unknown");
            w.Bool(e.outcome_unknown);
        });
        return;
    }
    // The core's message already names the HTTP status and the server's code when there is one.
    std::string message = e.message();
    std::replace_if(
        message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    if (e.http_status && message.find("HTTP") == std::string::npos)
        message += " [HTTP " + std::to_string(e.http_status) +
                   (e.error_code.empty() ? "" : " " + e.error_code) + "]";
    if (!e.request_id.empty()) message += " [request id " + e.request_id + "]";
    std::cerr << "yativo: " << yativo::status_name(e.code()) << ": " << message << "; " << hint
              << '\n'
              << std::flush;
}

}  // namespace yvcli
