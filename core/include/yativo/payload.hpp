// A decoded response payload: the envelope's `data` (or the whole body when there is none).
// Every JSON number of a payload is held as its exact decimal text (a JSON string), so amounts and
// balances never pass through a double.
#pragma once

#include <memory>
#include <string>

#include <rapidjson/document.h>

namespace yativo {

class Payload {
  public:
    // A JSON null, allocating nothing (records hold one until they are filled).
    Payload();
    // Takes a whole parsed body; `pointer` is a JSON Pointer to the payload inside it ("" = root).
    Payload(std::shared_ptr<rapidjson::Document> doc, const rapidjson::Value *value);

    const rapidjson::Value &value() const noexcept { return *value_; }
    // The whole answer the payload came from: the envelope with `data` and its siblings
    // (`message`, `pagination`, ...). The same payload when the answer had no envelope.
    Payload envelope() const { return doc_ ? Payload(doc_, doc_.get()) : Payload(); }
    // A payload for a value inside this one's document (`inside` must belong to it); it shares
    // the document, so envelope() still gives the whole answer.
    Payload part(const rapidjson::Value &inside) const { return Payload(doc_, &inside); }
    // Compact JSON text of the payload.
    std::string json() const;

    bool is_object() const noexcept { return value_->IsObject(); }
    // String member of an object payload, or "" when absent / not a string.
    std::string get_string(const char *name) const;

    // Mutable access for the core (adding idempotency_key to a send's payload); a null payload
    // gets a document of its own first.
    rapidjson::Document &document();

  private:
    std::shared_ptr<rapidjson::Document> doc_;
    const rapidjson::Value *value_;
};

}  // namespace yativo
