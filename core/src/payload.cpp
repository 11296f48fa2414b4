#include "yativo/payload.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace yativo {

namespace {
const rapidjson::Value kNull;
}  // namespace

Payload::Payload() : value_(&kNull) {}

Payload::Payload(std::shared_ptr<rapidjson::Document> doc, const rapidjson::Value *value)
    : doc_(std::move(doc)),
      value_(value  ? value
             : doc_ ? doc_.get()
                    : &kNull) {}

rapidjson::Document &Payload::document() {
    if (!doc_) {
        doc_ = std::make_shared<rapidjson::Document>();
        value_ = doc_.get();
    }
    return *doc_;
}

std::string Payload::json() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value_->Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string Payload::get_string(const char *name) const {
    if (!value_->IsObject()) return {};
    auto it = value_->FindMember(name);
    if (it == value_->MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace yativo
