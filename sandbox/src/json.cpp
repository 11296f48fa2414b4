#include "json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>

namespace yvsb {
namespace {

// SAX handler building a Json tree with an explicit stack (no recursion, bounded depth).
class TreeBuilder {
  public:
    explicit TreeBuilder(Json &root) : root_(root) {}

    bool Null() { return add(Json{}); }
    bool Bool(bool b) {
        Json v;
        v.kind = Json::Kind::kBool;
        v.boolean = b;
        return add(std::move(v));
    }
    bool Int(int) { return false; }  // numbers always arrive through RawNumber
    bool Uint(unsigned) { return false; }
    bool Int64(int64_t) { return false; }
    bool Uint64(uint64_t) { return false; }
    bool Double(double) { return false; }
    bool RawNumber(const char *str, rapidjson::SizeType len, bool) {
        Json v;
        v.kind = Json::Kind::kNumber;
        v.text.assign(str, len);
        return add(std::move(v));
    }
    bool String(const char *str, rapidjson::SizeType len, bool) {
        Json v;
        v.kind = Json::Kind::kString;
        v.text.assign(str, len);
        return add(std::move(v));
    }
    bool StartObject() {
        Json v;
        v.kind = Json::Kind::kObject;
        return open(std::move(v));
    }
    bool Key(const char *str, rapidjson::SizeType len, bool) {
        pending_key_.assign(str, len);
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() {
        Json v;
        v.kind = Json::Kind::kArray;
        return open(std::move(v));
    }
    bool EndArray(rapidjson::SizeType) { return close(); }

    bool too_deep() const { return too_deep_; }

  private:
    Json *place(Json &&v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Json &parent = *stack_.back();
        if (parent.kind == Json::Kind::kArray) {
            parent.items.push_back(std::move(v));
            return &parent.items.back();
        }
        parent.members.emplace_back(std::move(pending_key_), std::move(v));
        pending_key_.clear();
        return &parent.members.back().second;
    }
    bool add(Json &&v) {
        place(std::move(v));
        return true;
    }
    bool open(Json &&v) {
        if (static_cast<int>(stack_.size()) >= kMaxJsonDepth) {
            too_deep_ = true;
            return false;
        }
        stack_.push_back(place(std::move(v)));
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }

    Json &root_;
    std::vector<Json *> stack_;  // pointers stay valid: a container only grows while on top
    std::string pending_key_;
    bool too_deep_ = false;
};

}  // namespace

const Json *Json::find(std::string_view key) const {
    for (const auto &m : members)
        if (m.first == key) return &m.second;
    return nullptr;
}

bool parse_json(std::string_view text, Json &out, std::string *error) {
    out = Json{};
    TreeBuilder builder(out);
    rapidjson::Reader reader;
    rapidjson::MemoryStream ms(text.data(), text.size());
    constexpr unsigned kFlags = rapidjson::kParseNumbersAsStringsFlag |
                                rapidjson::kParseIterativeFlag |
                                rapidjson::kParseValidateEncodingFlag;
    rapidjson::ParseResult ok = reader.Parse<kFlags>(ms, builder);
    if (ok) return true;
    if (error) {
        if (builder.too_deep())
            *error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
        else
            *error = std::string(rapidjson::GetParseError_En(ok.Code())) + " at offset " +
                     std::to_string(ok.Offset());
    }
    out = Json{};
    return false;
}

void write_json(JsonWriter &w, const Json &value, bool sort_keys) {
    switch (value.kind) {
        case Json::Kind::kNull:
            w.Null();
            break;
        case Json::Kind::kBool:
            w.Bool(value.boolean);
            break;
        case Json::Kind::kNumber:
            w.RawValue(value.text.data(), value.text.size(), rapidjson::kNumberType);
            break;
        case Json::Kind::kString:
            w.String(value.text.data(), static_cast<rapidjson::SizeType>(value.text.size()));
            break;
        case Json::Kind::kArray:
            w.StartArray();
            for (const auto &item : value.items) write_json(w, item, sort_keys);
            w.EndArray();
            break;
        case Json::Kind::kObject: {
            std::vector<const std::pair<std::string, Json> *> members;
            for (const auto &m : value.members) members.push_back(&m);
            if (sort_keys)
                std::stable_sort(members.begin(), members.end(),
                                 [](auto *a, auto *b) { return a->first < b->first; });
            w.StartObject();
            for (const auto *m : members) {
                w.Key(m->first.data(), static_cast<rapidjson::SizeType>(m->first.size()));
                write_json(w, m->second, sort_keys);
            }
            w.EndObject();
            break;
        }
    }
}

std::string canonical_json(const Json &value) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    write_json(w, value, true);
    return std::string(sb.GetString(), sb.GetSize());
}

void kv_str_array(JsonWriter &w, const char *key, const std::vector<std::string> &values) {
    w.Key(key);
    w.StartArray();
    for (const auto &v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    w.EndArray();
}

}  // namespace yvsb
