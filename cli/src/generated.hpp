// The commands generated from the API description (commands_gen.cpp, written by
// `python3 -m codegen`): one per endpoint, as data, plus the call of the core's typed method.
// generated.cpp is the one dispatcher that parses their options, calls and prints for all.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "args.hpp"
#include "yativo/client.hpp"

namespace yvcli {

enum class ParamType { String, Decimal, Int, Bool, StringList, Enum, Fields, Json };
enum class CallKind { Read, Write, MovesValue };
enum class TwoFactorRule { None, Required, OnDemand };

struct GenParam {
    const char *name;     // snake_case, as in the description
    const char *option;   // "--account-name" ("--data" for fields); "" for a path operand
    const char *metavar;  // "ID", "low|medium|high", ...; the operand's name for a path one
    ParamType type;
    bool required;
    bool in_path;
    bool refuse_empty;
    const char *values;   // enum: "low|medium|high"
    const char *aliases;  // enum: "slow=low,fast=high"
    const char *default_text;
    const char *doc;
};

// The values given on the command line, by parameter name, already checked for their type.
class Values {
  public:
    void set_text(const std::string &name, std::string value) { text_[name] = std::move(value); }
    void set_list(const std::string &name, std::vector<std::string> items) {
        lists_[name] = std::move(items);
    }
    bool has(const std::string &name) const { return text_.count(name) || lists_.count(name); }
    const std::string &text(const std::string &name) const;  // "" when not given
    std::int64_t integer(const std::string &name) const;     // checked when parsed
    std::int64_t int32(const std::string &name) const;       // for an int member of a struct
    bool flag(const std::string &name) const;
    const std::vector<std::string> &list(const std::string &name) const;

  private:
    std::map<std::string, std::string> text_;
    std::map<std::string, std::vector<std::string>> lists_;
};

// One documented field of a record, ready to print as text or JSON.
struct Cell {
    enum Kind { Text, Decimal, Int, Bool, List, Secret } kind;
    std::string name;
    bool present;
    std::string text;                // Text, Decimal (exact), Int, Bool ("true"), Secret
    std::vector<std::string> items;  // List
};
using Row = std::vector<Cell>;

void put_text(Row &row, const char *name, const std::string &value);
void put_decimal(Row &row, const char *name, const std::string &value);
void put_int(Row &row, const char *name, const std::optional<std::int64_t> &value);
void put_int(Row &row, const char *name, std::int64_t value);
void put_bool(Row &row, const char *name, const std::optional<bool> &value);
void put_bool(Row &row, const char *name, bool value);
void put_list(Row &row, const char *name, const std::vector<std::string> &value);
void put_secret(Row &row, const char *name, const yativo::Secret &value);

// What a call answered: nothing, one record, a list of records, or a JSON payload.
struct Answer {
    enum Shape { Nothing, One, Many, Json } shape = Nothing;
    std::vector<Row> rows;
    yativo::Payload payload;

    Answer() = default;
    Answer(Answer &&) = default;
    Answer &operator=(Answer &&) = default;
    ~Answer();  // wipes the text of secret cells

    static Answer nothing() { return Answer{}; }
    static Answer one() {
        Answer a;
        a.shape = One;
        a.rows.emplace_back();
        return a;
    }
    static Answer many() {
        Answer a;
        a.shape = Many;
        return a;
    }
    static Answer json(yativo::Payload p) {
        Answer a;
        a.shape = Json;
        a.payload = std::move(p);
        return a;
    }
};

// Calls the core's typed method; `reveal` lets secret fields into the rows (sensitive calls).
using CallFn = Answer (*)(yativo::Client &, const Values &, const yativo::CallOptions &,
                          bool reveal);

struct GeneratedCall {
    const char *endpoint;  // "list_accounts"
    const char *words;     // "accounts list"
    const char *group;     // "accounts"
    const char *route;     // "GET /accounts/get-accounts"
    CallKind kind;
    TwoFactorRule two_factor;
    bool sensitive;
    const char *doc;
    const char *record;  // "Account", "[Account]" (a list), or "" (json / none)
    const char *fields;  // the record's fields it prints: "id, name, type, ..."
    std::vector<GenParam> params;
    CallFn call;
};

struct GeneratedGroup {
    const char *name;  // kebab-case
    const char *doc;
};

// commands_gen.cpp
const std::vector<GeneratedCall> &generated_calls();
const std::vector<GeneratedGroup> &generated_groups();

// generated.cpp
// The option rows the generated commands add to the hand-written option table.
std::vector<OptionSpec> generated_option_rows(const std::vector<OptionSpec> &hand_written);
// The call behind a command path, or nullptr for a hand-written command.
const GeneratedCall *find_generated(const std::string &words);
// The option a parameter is given with (its id in option_table()).
Opt option_of(const GenParam &p);
// The help text of one of a generated command's options.
std::string generated_option_help(const GeneratedCall &g, Opt id);

}  // namespace yvcli
