#include "validate.hpp"

namespace yvsb {

Json parse_request_body(std::string_view body) {
    Json parsed;
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        parsed.kind = Json::Kind::kObject;
        return parsed;
    }
    std::string why;
    if (!parse_json(body, parsed, &why))
        throw ApiError(400, "validation_error", "Malformed JSON body: " + why, {{"body", why}});
    if (!parsed.is_object())
        throw ApiError(400, "validation_error", "The request body must be a JSON object",
                       {{"body", "must be a JSON object"}});
    return parsed;
}

const Json *FieldReader::get(const char *name) const {
    const Json *v = body_.find(name);
    if (v && v->kind == Json::Kind::kNull) return nullptr;
    return v;
}

void FieldReader::fail(const std::string &name, const std::string &message) {
    if (!failed(name)) problems_.emplace_back(name, message);
}

bool FieldReader::failed(const std::string &name) const {
    for (const auto &p : problems_)
        if (p.first == name) return true;
    return false;
}

void FieldReader::check() const {
    if (problems_.empty()) return;
    throw ApiError(400, "validation_error", "Request validation failed", problems_);
}

std::string FieldReader::string(const char *name, bool required, size_t max_len) {
    const Json *v = get(name);
    if (!v) {
        if (required) fail(name, "is required");
        return {};
    }
    if (v->kind != Json::Kind::kString) {
        fail(name, "must be a string");
        return {};
    }
    if (v->text.empty() && required) {
        fail(name, "must not be empty");
        return {};
    }
    if (v->text.size() > max_len) {
        fail(name, "must be at most " + std::to_string(max_len) + " characters");
        return {};
    }
    return v->text;
}

std::optional<long long> FieldReader::integer(const char *name, bool required, long long lo,
                                              long long hi) {
    const Json *v = get(name);
    if (!v) {
        if (required) fail(name, "is required");
        return std::nullopt;
    }
    if (v->kind != Json::Kind::kNumber && v->kind != Json::Kind::kString) {
        fail(name, "must be an integer");
        return std::nullopt;
    }
    const std::string &t = v->text;
    size_t start = (!t.empty() && t[0] == '-') ? 1 : 0;
    bool digits = t.size() > start && t.size() - start <= 15 &&
                  t.find_first_not_of("0123456789", start) == std::string::npos;
    if (!digits) {
        fail(name, "must be an integer");
        return std::nullopt;
    }
    long long value = std::stoll(t);
    if (value < lo || value > hi) {
        fail(name, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        return std::nullopt;
    }
    return value;
}

std::optional<Decimal> FieldReader::amount(const char *name, bool required) {
    const Json *v = get(name);
    if (!v) {
        if (required) fail(name, "is required");
        return std::nullopt;
    }
    if (v->kind != Json::Kind::kNumber && v->kind != Json::Kind::kString) {
        fail(name, "must be a positive decimal number");
        return std::nullopt;
    }
    std::string why;
    auto d = Decimal::parse(v->text, &why);
    if (!d) {
        fail(name, why);
        return std::nullopt;
    }
    if (d->is_zero()) {
        fail(name, "must be positive");
        return std::nullopt;
    }
    return d;
}

std::optional<bool> FieldReader::boolean(const char *name) {
    const Json *v = get(name);
    if (!v) return std::nullopt;
    if (v->kind != Json::Kind::kBool) {
        fail(name, "must be true or false");
        return std::nullopt;
    }
    return v->boolean;
}

std::vector<std::string> FieldReader::string_array(const char *name, bool required,
                                                   size_t max_items) {
    const Json *v = get(name);
    if (!v) {
        if (required) fail(name, "is required");
        return {};
    }
    if (v->kind != Json::Kind::kArray) {
        fail(name, "must be an array of strings");
        return {};
    }
    if (v->items.empty()) {
        fail(name, "must not be empty");
        return {};
    }
    if (v->items.size() > max_items) {
        fail(name, "must have at most " + std::to_string(max_items) + " entries");
        return {};
    }
    std::vector<std::string> out;
    for (const auto &item : v->items) {
        if (item.kind != Json::Kind::kString || item.text.empty() || item.text.size() > 128) {
            fail(name, "must be an array of non-empty strings");
            return {};
        }
        out.push_back(item.text);
    }
    return out;
}

}  // namespace yvsb
