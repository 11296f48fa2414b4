// The one dispatcher of the generated commands: their options, help, value checks, the call
// (through the generated call function of each endpoint) and the printing of what it answered.
#include "generated.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <deque>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "commands.hpp"
#include "settings.hpp"
#include "usage_error.hpp"

namespace yvcli {

namespace {

constexpr int kFirstGeneratedOpt = 1000;

// Strings the tables point at: kept for the life of the process.
const char *keep(std::string text) {
    static std::deque<std::string> store;
    store.push_back(std::move(text));
    return store.back().c_str();
}

// A hand-written option a parameter may share: it takes one plain value and is not global.
bool shareable(const OptionSpec &spec) {
    return !spec.global && spec.metavar && !spec.secret && !spec.repeatable;
}

std::string renamed(const std::string &option) {
    return "--param-" + option.substr(2);
}

const OptionSpec *find_spec(const std::vector<OptionSpec> &table, const std::string &name) {
    for (const auto &spec : table)
        if (name == spec.name) return &spec;
    return nullptr;
}

std::vector<std::string> split_list(const std::string &text, const std::string &what) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = text.find(',', start);
        std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        std::size_t a = item.find_first_not_of(" \t");
        std::size_t b = item.find_last_not_of(" \t");
        if (a == std::string::npos)
            throw UsageError(what + " has an empty item: give a comma-separated list like a,b");
        out.push_back(item.substr(a, b - a + 1));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::vector<std::string> split(const std::string &text, char sep) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        std::size_t at = text.find(sep, start);
        out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

bool whole_number(const std::string &text) {
    std::size_t digits_from = !text.empty() && text[0] == '-' ? 1 : 0;
    return text.size() > digits_from && text.size() - digits_from <= 18 &&
           std::all_of(text.begin() + static_cast<std::ptrdiff_t>(digits_from), text.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

std::string enum_choices(const GenParam &p) {
    std::string text;
    for (const auto &v : split(p.values, '|')) text += (text.empty() ? "" : ", ") + v;
    std::string aliases;
    for (const auto &a : split(p.aliases, ','))
        aliases += (aliases.empty() ? "" : ", ") + a.substr(0, a.find('='));
    return aliases.empty() ? text : text + " (or " + aliases + ")";
}

// The value of one option, checked for its parameter's type; UsageError names the option.
void take_value(const GenParam &p, const std::string &given, Inputs &inputs, Values &values) {
    const std::string what = option_spec(option_of(p)).name;  // as given: --param-x if renamed
    switch (p.type) {
        case ParamType::String:
        case ParamType::Decimal:  // exact text: the core checks its form, never a double
            if (given.empty() && (p.required || p.refuse_empty))
                throw UsageError(what + " is empty");
            values.set_text(p.name, given);
            return;
        case ParamType::Int:
            if (!whole_number(given)) throw UsageError(what + " must be a whole number, like 10");
            values.set_text(p.name, given);
            return;
        case ParamType::Bool:
            if (given != "true" && given != "false")
                throw UsageError(what + " must be true or false");
            values.set_text(p.name, given);
            return;
        case ParamType::StringList:
            values.set_list(p.name, split_list(given, what));
            return;
        case ParamType::Enum: {
            for (const auto &v : split(p.values, '|'))
                if (given == v) return values.set_text(p.name, given);
            for (const auto &a : split(p.aliases, ','))
                if (given == a.substr(0, a.find('='))) return values.set_text(p.name, given);
            throw UsageError(what + " must be one of " + enum_choices(p));
        }
        case ParamType::Fields:
        case ParamType::Json: {
            std::string text = inputs.text(given, option_spec(option_of(p)).name);
            rapidjson::Document doc;
            doc.Parse(text.c_str(), text.size());
            if (doc.HasParseError())
                throw UsageError(what + " is not valid JSON at byte " +
                                 std::to_string(doc.GetErrorOffset()) + ": " +
                                 rapidjson::GetParseError_En(doc.GetParseError()));
            if (p.type == ParamType::Fields && !doc.IsObject())
                throw UsageError(what + " must be a JSON object: {\"field\": value, ...}");
            values.set_text(p.name, std::move(text));
            return;
        }
    }
}

std::string label_of(const std::string &name) {
    std::string out = name;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string cell_text(const Cell &c) {
    if (!c.present) return "-";
    if (c.kind == Cell::List) return c.items.empty() ? "-" : join(c.items, ", ");
    if (c.kind == Cell::Text && ends_with(c.name, "_at")) return readable_time(c.text);
    return c.text;
}

void write_row(JsonWriter &w, const Row &row) {
    w.StartObject();
    for (const auto &c : row) {
        write_key(w, c.name.c_str());
        if (!c.present) {
            w.Null();
        } else if (c.kind == Cell::Int) {
            w.Int64(std::stoll(c.text));
        } else if (c.kind == Cell::Bool) {
            w.Bool(c.text == "true");
        } else if (c.kind == Cell::List) {
            w.StartArray();
            for (const auto &item : c.items) write_string(w, item);
            w.EndArray();
        } else {
            write_string(w, c.text);  // decimals stay exact text
        }
    }
    w.EndObject();
}

void print_answer(const Context &ctx, const GeneratedCall &g, const Answer &a) {
    const Output &out = ctx.out;
    switch (a.shape) {
        case Answer::Json:
            print_payload(out, a.payload.value());
            return;
        case Answer::Nothing: {
            std::vector<std::pair<std::string, std::string>> ids;
            for (std::size_t i = 0, k = 0; i < g.params.size(); ++i)
                if (g.params[i].in_path) ids.push_back({g.params[i].name, ctx.operands[k++]});
            if (out.json()) {
                out.json_value([&](JsonWriter &w) {
                    w.StartObject();
                    for (const auto &[name, value] : ids) {
                        write_key(w, name.c_str());
                        write_string(w, value);
                    }
                    w.Key("done");
                    w.Bool(true);
                    w.EndObject();
                });
            } else {
                std::string line = std::string(g.words) + ": done";
                for (const auto &[name, value] : ids)
                    line += " (" + label_of(name) + " " + value + ")";
                out.line(line);
            }
            return;
        }
        case Answer::One: {
            const Row &row = a.rows.front();
            if (out.json()) {
                out.json_value([&](JsonWriter &w) { write_row(w, row); });
            } else {
                std::vector<Fact> facts;
                for (const auto &c : row)
                    facts.push_back(
                        {label_of(c.name) + (c.kind == Cell::Secret ? " (shown once)" : ""),
                         cell_text(c)});
                out.facts(facts);
            }
            for (const auto &c : row)
                if (c.kind == Cell::Secret && c.present)
                    out.note("Store the " + label_of(c.name) +
                             " now: it is shown once and cannot be read again.");
            return;
        }
        case Answer::Many: {
            if (out.json()) {
                out.json_value([&](JsonWriter &w) {
                    w.StartArray();
                    for (const auto &row : a.rows) write_row(w, row);
                    w.EndArray();
                });
                return;
            }
            if (a.rows.empty()) {
                out.line("(none)");
                return;
            }
            std::vector<std::string> headers;
            for (const auto &c : a.rows.front()) headers.push_back(label_of(c.name));
            std::vector<std::vector<std::string>> cells;
            for (const auto &row : a.rows) {
                cells.emplace_back();
                for (const auto &c : row) cells.back().push_back(cell_text(c));
            }
            out.table(headers, cells);
            return;
        }
    }
}

std::string first_sentence(const std::string &doc) {
    std::size_t end = doc.find(". ");
    std::string s = end == std::string::npos ? doc : doc.substr(0, end);
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string operands_of(const GeneratedCall &g) {
    std::string out;
    for (const auto &p : g.params)
        if (p.in_path) out += (out.empty() ? "" : " ") + std::string(p.metavar);
    return out;
}

std::string description_of(const GeneratedCall &g) {
    std::string d = g.doc;
    d += "\nCalls " + std::string(g.route) + ".";
    if (g.two_factor == TwoFactorRule::Required)
        d += "\nNeeds 2FA: --totp-code CODE, or the configured TOTP source (--totp-secret or "
             "YATIVO_TOTP_SECRET).";
    else if (g.two_factor == TwoFactorRule::OnDemand)
        d += "\n2FA when the server asks: --totp-code CODE, or the configured TOTP source "
             "(--totp-secret or YATIVO_TOTP_SECRET).";
    if (g.kind == CallKind::MovesValue)
        d += "\nMoves value: always sent with an Idempotency-Key (--idempotency-key, or a fresh "
             "one), which is printed; repeat with the same key and it happens once.";
    if (g.sensitive) d += "\nThe answer holds a secret: it is printed this once, so store it now.";
    if (g.record[0] == '[')
        d += "\nPrints a table of " + std::string(g.record + 1, std::strlen(g.record) - 2) +
             " records (" + g.fields + "), or a JSON array with --json.";
    else if (*g.record)
        d += std::string("\nPrints the ") + g.record + " (" + g.fields +
             "), or a JSON object with --json.";
    return d;
}

std::string example_of(const GeneratedCall &g, bool json) {
    std::string line = std::string("yativo ") + (json ? "--json " : "") + g.words;
    for (const auto &p : g.params)
        if (p.in_path) line += std::string(" ") + p.metavar;
    for (const auto &p : g.params) {
        if (p.in_path || !p.required) continue;
        const OptionSpec &spec = option_spec(option_of(p));
        line += std::string(" ") + spec.name + " " +
                (p.type == ParamType::Enum ? split(p.values, '|')[0] : spec.metavar);
    }
    return line;
}

}  // namespace

const std::string &Values::text(const std::string &name) const {
    static const std::string none;
    auto it = text_.find(name);
    return it == text_.end() ? none : it->second;
}

std::int64_t Values::integer(const std::string &name) const {
    return std::stoll(text(name));  // checked by take_value
}

std::int64_t Values::int32(const std::string &name) const {
    std::int64_t v = integer(name);
    if (v < INT_MIN || v > INT_MAX) {
        std::string option = "--" + name;
        std::replace(option.begin(), option.end(), '_', '-');
        throw UsageError(option + " is out of range");
    }
    return v;
}

bool Values::flag(const std::string &name) const {
    return text(name) == "true";
}

const std::vector<std::string> &Values::list(const std::string &name) const {
    static const std::vector<std::string> none;
    auto it = lists_.find(name);
    return it == lists_.end() ? none : it->second;
}

Answer::~Answer() {
    for (auto &row : rows)
        for (auto &cell : row)
            if (cell.kind == Cell::Secret) yativo::wipe(cell.text);
}

void put_text(Row &row, const char *name, const std::string &value) {
    row.push_back({Cell::Text, name, !value.empty(), value, {}});
}
void put_decimal(Row &row, const char *name, const std::string &value) {
    row.push_back({Cell::Decimal, name, !value.empty(), value, {}});
}
void put_int(Row &row, const char *name, const std::optional<std::int64_t> &value) {
    row.push_back({Cell::Int, name, value.has_value(), value ? std::to_string(*value) : "", {}});
}
void put_int(Row &row, const char *name, std::int64_t value) {
    put_int(row, name, std::optional<std::int64_t>(value));
}
void put_bool(Row &row, const char *name, const std::optional<bool> &value) {
    row.push_back({Cell::Bool, name, value.has_value(), value && *value ? "true" : "false", {}});
}
void put_bool(Row &row, const char *name, bool value) {
    put_bool(row, name, std::optional<bool>(value));
}
void put_list(Row &row, const char *name, const std::vector<std::string> &value) {
    row.push_back({Cell::List, name, true, "", value});
}
void put_secret(Row &row, const char *name, const yativo::Secret &value) {
    // Only sensitive calls reach here: showing the secret once is their purpose.
    if (!value.empty()) row.push_back({Cell::Secret, name, true, value.reveal(), {}});
}

std::vector<OptionSpec> generated_option_rows(const std::vector<OptionSpec> &hand_written) {
    std::vector<OptionSpec> rows;
    for (const auto &g : generated_calls())
        for (const auto &p : g.params) {
            if (p.in_path) continue;
            std::string name = p.option;
            if (const OptionSpec *spec = find_spec(hand_written, name)) {
                if (shareable(*spec)) continue;  // the hand-written row serves it
                name = renamed(name);
            }
            if (find_spec(rows, name)) continue;
            rows.push_back({static_cast<Opt>(kFirstGeneratedOpt + static_cast<int>(rows.size())),
                            keep(name), p.metavar, false, false, false, ""});
        }
    return rows;
}

Opt option_of(const GenParam &p) {
    const auto &table = option_table();
    const OptionSpec *spec = find_spec(table, p.option);
    if (spec && (static_cast<int>(spec->id) >= kFirstGeneratedOpt || shareable(*spec)))
        return spec->id;
    return find_spec(table, renamed(p.option))->id;  // generated_option_rows added it
}

const GeneratedCall *find_generated(const std::string &words) {
    for (const auto &g : generated_calls())
        if (words == g.words) return &g;
    return nullptr;
}

std::string generated_option_help(const GeneratedCall &g, Opt id) {
    for (const auto &p : g.params) {
        if (p.in_path || option_of(p) != id) continue;
        std::string help = p.doc;
        if (p.type == ParamType::Enum &&
            help.find(split(p.values, '|').back()) == std::string::npos)
            help += "; one of " + enum_choices(p);
        if (p.type == ParamType::StringList) help += " (comma-separated)";
        if (p.type == ParamType::Fields || p.type == ParamType::Json)
            help += " (JSON text, @FILE, or - for stdin)";
        if (*p.default_text) help += std::string(" (default ") + p.default_text + ")";
        return help;
    }
    if (id == Opt::TotpCode) return "the 6-digit 2FA code, instead of the TOTP source";
    if (id == Opt::IdempotencyKey)
        return g.kind == CallKind::MovesValue
                   ? "the Idempotency-Key to send (default: a fresh one, printed with the answer)"
                   : "an Idempotency-Key: a retry with the same key is not applied twice";
    return option_spec(id).help;
}

std::vector<CommandSpec> generated_command_specs(const std::vector<CommandSpec> &hand_written) {
    std::vector<CommandSpec> out;
    for (const auto &g : generated_calls()) {
        // A hand-written command with the same words wins.
        if (std::any_of(hand_written.begin(), hand_written.end(),
                        [&](const CommandSpec &c) { return std::string(c.path) == g.words; }))
            continue;
        std::vector<Opt> options, required;
        int operand_count = 0;
        for (const auto &p : g.params) {
            if (p.in_path) {
                ++operand_count;
                continue;
            }
            options.push_back(option_of(p));
            if (p.required) required.push_back(option_of(p));
        }
        if (g.two_factor != TwoFactorRule::None) options.push_back(Opt::TotpCode);
        if (g.kind != CallKind::Read) options.push_back(Opt::IdempotencyKey);
        std::string summary = first_sentence(g.doc);
        if (g.two_factor == TwoFactorRule::Required) summary += " (2FA)";
        out.push_back({g.words, keep(operands_of(g)), operand_count, options, required,
                       keep(summary), keep(description_of(g)),
                       keep(example_of(g, false) + "\n" + example_of(g, true)), run_generated});
    }
    return out;
}

int run_generated(Context &ctx) {
    const GeneratedCall &g = *find_generated(ctx.command->path);
    Values values;
    std::size_t next_operand = 0;
    for (const auto &p : g.params) {
        if (p.in_path) {
            const std::string &operand = ctx.operands[next_operand++];
            if (operand.empty()) throw UsageError(std::string(p.metavar) + " is empty");
            values.set_text(p.name, operand);
        } else if (const std::string *given = ctx.args.get(option_of(p))) {
            take_value(p, *given, ctx.inputs, values);
        }
    }
    const std::string *key = ctx.args.get(Opt::IdempotencyKey);
    if (key && key->empty()) throw UsageError("--idempotency-key is empty");
    Session s = open_session(ctx.args, ctx.inputs, Credentials::Required);
    if (key) s.call.idempotency_key = *key;
    Answer answer = g.call(s.client, values, s.call, g.sensitive);
    print_answer(ctx, g, answer);
    return 0;
}

}  // namespace yvcli
