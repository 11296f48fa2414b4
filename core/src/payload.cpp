#include "yativo/payload.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace yativo {

Payload::Payload() : doc_(std::make_shared<rapidjson::Document>()), value_(doc_.get()) {}

Payload::Payload(std::shared_ptr<rapidjson::Document> doc, const rapidjson::Value *value)
    : doc_(std::move(doc)), value_(value ? value : doc_.get()) {}

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
