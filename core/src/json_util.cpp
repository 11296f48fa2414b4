#include "json_util.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include <openssl/crypto.h>

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace yativo::json {

std::shared_ptr<rapidjson::Document> parse(std::string_view text) {
    auto doc = std::make_shared<rapidjson::Document>();
    doc->Parse<kParseFlags>(text.data(), text.size());
    if (doc->HasParseError()) return nullptr;
    return doc;
}

void append_body(std::string &body, std::string_view bytes, bool wipe_old, std::size_t spare) {
    const std::size_t needed = body.size() + bytes.size() + spare;
    if (needed > body.capacity()) {
        const std::size_t capacity = std::max(needed, 2 * body.capacity());
        if (wipe_old) {
            std::string grown;
            grown.reserve(capacity);
            grown.append(body);
            OPENSSL_cleanse(body.data(), body.size());
            body.swap(grown);
        } else {
            body.reserve(capacity);
        }
    }
    body.append(bytes);
}

namespace {

// Answers of at most this many bytes (padding included) are copied into their document's pool,
// which then holds them and their values in its first chunk; the body's buffer goes back to the
// thread's spare for the next answer. Larger ones are taken as they are.
constexpr std::size_t kCopiedText = 2048;
// The first chunk of a document's value pool, inside the document's own allocation: a small
// answer's text and values take no allocation of their own (a larger one's spill into pooled
// chunks).
struct FirstChunk {
    alignas(std::max_align_t) char bytes[4096 + kCopiedText];
    rapidjson::MemoryPoolAllocator<> pool{bytes, sizeof bytes};
};

// A document parsed in place: its strings live in its text (in the pool, or `taken`), wiped when
// it is freed if it held a secret. One allocation holds the document, its pool's first chunk and
// a small answer's text.
struct InPlaceDocument : FirstChunk, rapidjson::Document {
    std::string taken;  // a larger answer's body, when it was not copied
    char *text = nullptr;
    std::size_t text_size = 0;  // padding included
    bool wipe = false;
    // The parse stack's allocator is a shared stateless one: by default the stack allocates one
    // of its own, for each document.
    InPlaceDocument() : rapidjson::Document(&pool, kDefaultStackCapacity, &stack_allocator) {}
    static constexpr std::size_t kDefaultStackCapacity = 1024;  // RapidJSON's default
    static rapidjson::CrtAllocator stack_allocator;
    InPlaceDocument(const InPlaceDocument &) = delete;
    InPlaceDocument &operator=(const InPlaceDocument &) = delete;
    ~InPlaceDocument() {
        if (wipe && text) OPENSSL_cleanse(text, text_size);
    }
};

// In place, the reader ends each string with a NUL but leaves a number (kept as text) followed
// by the delimiter after it: every value is terminated here, once the parse no longer needs the
// delimiters, so GetString() is a C string for numbers too, as it is for a copied document.
void terminate_strings(rapidjson::Value &v) {
    if (v.IsString()) {
        char *s = const_cast<char *>(v.GetString());
        if (s[v.GetStringLength()] != '\0') s[v.GetStringLength()] = '\0';
    } else if (v.IsArray()) {
        for (auto &item : v.GetArray()) terminate_strings(item);
    } else if (v.IsObject()) {
        for (auto &m : v.GetObject()) terminate_strings(m.value);
    }
}

rapidjson::CrtAllocator InPlaceDocument::stack_allocator;

// Each answer's document is one block of a few KiB: glibc serves requests that size on its slow
// path (a large-bin search, and a consolidation of its fast bins first: about 1,400 instructions
// and an allocation per call in the gate's loop). A freed document's block is kept instead,
// up to kKeptBlocks per thread, for the next document made on that thread. Blocks are
// interchangeable: one freed on another thread goes to that thread's shelf (or back to malloc).
class BlockShelf {
  public:
    static constexpr int kKeptBlocks = 2;
    BlockShelf() = default;
    BlockShelf(const BlockShelf &) = delete;
    BlockShelf &operator=(const BlockShelf &) = delete;
    ~BlockShelf() {
        for (int i = 0; i < count_; ++i) ::operator delete(blocks_[i]);
    }
    void *take(std::size_t size) {
        if (count_ > 0 && size == size_) return blocks_[--count_];
        return ::operator new(size);
    }
    void put(void *block, std::size_t size) noexcept {
        if (count_ < kKeptBlocks && (count_ == 0 || size == size_)) {
            size_ = size;
            blocks_[count_++] = block;
        } else {
            ::operator delete(block);
        }
    }

  private:
    void *blocks_[kKeptBlocks] = {};
    int count_ = 0;
    std::size_t size_ = 0;
};

// What the core keeps per thread between answers: the spare answer buffer (empty, its capacity
// kept; see spare_body) and the document shelf. Ownership of each moves in and out, so calls
// interleaved on one thread (an EventLoop's fibers) never share one.
struct PerThread {
    std::string spare;
    BlockShelf shelf;
    PerThread() = default;
    PerThread(const PerThread &) = delete;
    PerThread &operator=(const PerThread &) = delete;
    ~PerThread();
};
thread_local PerThread per_thread;
// Set once the thread's PerThread is destroyed (at thread exit, or exit() for the main thread),
// after which a document freed there (by another thread_local's destructor, or a static object's)
// goes straight back to malloc. Trivially destructible, so it outlives every destructor.
thread_local bool per_thread_gone = false;
PerThread::~PerThread() {
    per_thread_gone = true;
}

// The allocator of allocate_shared<InPlaceDocument>: the document and its control block come
// off the thread's shelf.
template <typename T>
struct ShelfAllocator {
    using value_type = T;
    ShelfAllocator() = default;
    template <typename U>
    ShelfAllocator(const ShelfAllocator<U> &) noexcept {}
    T *allocate(std::size_t n) {
        if (n != 1 || per_thread_gone) return static_cast<T *>(::operator new(n * sizeof(T)));
        return static_cast<T *>(per_thread.shelf.take(sizeof(T)));
    }
    void deallocate(T *p, std::size_t n) noexcept {
        if (n != 1 || per_thread_gone) return ::operator delete(p);
        per_thread.shelf.put(p, sizeof(T));
    }
    template <typename U>
    bool operator==(const ShelfAllocator<U> &) const noexcept {
        return true;
    }
    template <typename U>
    bool operator!=(const ShelfAllocator<U> &) const noexcept {
        return false;
    }
};

constexpr std::size_t kMaxSpare = 64 * 1024;

}  // namespace

std::string spare_body() {
    std::string body;
    if (!per_thread_gone) body.swap(per_thread.spare);
    return body;
}

void keep_spare_body(std::string &body, bool wipe) {
    if (wipe) OPENSSL_cleanse(body.data(), body.size());
    body.clear();
    if (per_thread_gone || body.capacity() > kMaxSpare) return;
    if (body.capacity() > per_thread.spare.capacity()) per_thread.spare.swap(body);
}

std::shared_ptr<rapidjson::Document> parse_taking(std::string &text, bool wipe) {
    // Allocated before the text is taken: if it fails, the text is still the caller's to wipe.
    auto doc = std::allocate_shared<InPlaceDocument>(ShelfAllocator<InPlaceDocument>());
    doc->wipe = wipe;
    // The padding's first NUL ends the text for the reader.
    static constexpr char kZeros[kParsePadding] = {};
    const std::size_t size = text.size();
    if (size + kParsePadding <= kCopiedText) {
        doc->text = static_cast<char *>(doc->pool.Malloc(size + kParsePadding));
        std::memcpy(doc->text, text.data(), size);
        std::memcpy(doc->text + size, kZeros, kParsePadding);
        doc->text_size = size + kParsePadding;
        keep_spare_body(text, wipe);
    } else {
        doc->taken = std::move(text);
        text.clear();
        doc->text = doc->taken.data();
        doc->text_size = size;  // wiped as it stands if padding it fails
        append_body(doc->taken, std::string_view(kZeros, kParsePadding), wipe, 0);
        doc->text = doc->taken.data();
        doc->text_size = doc->taken.size();
    }
    rapidjson::InsituStringStream stream(doc->text);
    doc->ParseStream<kParseFlags | rapidjson::kParseInsituFlag, rapidjson::UTF8<>>(stream);
    // The reader stops at the first NUL: a body with one inside (stopping short of the padding) is
    // not one JSON value.
    if (doc->HasParseError() || stream.Tell() != size) return nullptr;
    terminate_strings(*doc);
    return doc;
}

const rapidjson::Value *member(const rapidjson::Value &obj, const char *name) {
    if (!obj.IsObject()) return nullptr;
    auto it = obj.FindMember(name);
    if (it == obj.MemberEnd() || it->value.IsNull()) return nullptr;
    return &it->value;
}

std::string to_string(const rapidjson::Value &v) {
    if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsUint64()) return std::to_string(v.GetUint64());
    if (v.IsNull()) return {};
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string str(const rapidjson::Value &obj, const char *name) {
    const rapidjson::Value *v = member(obj, name);
    return v ? to_string(*v) : std::string();
}

void wipe_strings(rapidjson::Value &v) {
    if (v.IsString()) {
        OPENSSL_cleanse(const_cast<char *>(v.GetString()), v.GetStringLength());
    } else if (v.IsObject()) {
        for (auto &m : v.GetObject()) wipe_strings(m.value);
    } else if (v.IsArray()) {
        for (auto &item : v.GetArray()) wipe_strings(item);
    }
}

std::optional<std::int64_t> parse_int(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;  // 18 digits cannot overflow
    std::int64_t value = 0;
    std::size_t i = 0;
    bool negative = text[0] == '-';
    if (negative) i = 1;
    if (i == text.size()) return std::nullopt;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

std::optional<std::int64_t> integer(const rapidjson::Value &obj, const char *name) {
    const rapidjson::Value *v = member(obj, name);
    if (!v) return std::nullopt;
    if (v->IsInt64()) return v->GetInt64();
    if (v->IsString()) {
        std::string_view s(v->GetString(), v->GetStringLength());
        // "3600.0" from a server that writes floats still means whole seconds.
        auto dot = s.find('.');
        if (dot != std::string_view::npos &&
            s.find_first_not_of('0', dot + 1) == std::string_view::npos)
            s = s.substr(0, dot);
        return parse_int(s);
    }
    return std::nullopt;
}

std::optional<double> seconds(const rapidjson::Value &obj, const char *name) {
    const rapidjson::Value *v = member(obj, name);
    if (!v) return std::nullopt;
    if (v->IsNumber()) return v->GetDouble();
    if (v->IsString()) {
        // A duration, not money: a double is the right type here.
        std::string s(v->GetString(), v->GetStringLength());
        errno = 0;
        char *end = nullptr;
        double d = std::strtod(s.c_str(), &end);
        if (errno == 0 && end && *end == '\0' && !s.empty() && d >= 0) return d;
    }
    return std::nullopt;
}

std::vector<std::string> strings(const rapidjson::Value &obj, const char *name) {
    std::vector<std::string> out;
    const rapidjson::Value *v = member(obj, name);
    if (!v) return out;
    if (v->IsArray()) {
        for (const auto &item : v->GetArray()) out.push_back(to_string(item));
    } else if (v->IsString()) {
        // "read,write" in some answers
        std::string s = to_string(*v);
        std::size_t start = 0;
        while (start <= s.size()) {
            std::size_t comma = s.find(',', start);
            std::string part =
                s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!part.empty()) out.push_back(part);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

void string_array(Writer &w, const std::vector<std::string> &items) {
    w.StartArray();
    for (const auto &item : items) string(w, item);
    w.EndArray();
}

namespace {
// Forwards SAX events to a writer, numbers as the exact text they had (RapidJSON's own
// Writer::RawNumber would quote them), skipping the outermost object's braces.
struct MergeHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, MergeHandler> {
    explicit MergeHandler(Writer &writer, bool members_only = true)
        : w(writer), skip(members_only ? 1 : 0) {}
    Writer &w;
    int skip;  // 1: the outermost object's braces are not written (its members are merged)
    int depth = 0;
    bool Null() { return w.Null(); }
    bool Bool(bool b) { return w.Bool(b); }
    bool Int(int i) { return w.Int(i); }
    bool Uint(unsigned u) { return w.Uint(u); }
    bool Int64(std::int64_t i) { return w.Int64(i); }
    bool Uint64(std::uint64_t u) { return w.Uint64(u); }
    bool Double(double d) { return w.Double(d); }
    bool RawNumber(const char *s, rapidjson::SizeType n, bool) {
        return w.RawValue(s, n, rapidjson::kNumberType);
    }
    bool String(const char *s, rapidjson::SizeType n, bool) { return w.String(s, n); }
    bool Key(const char *s, rapidjson::SizeType n, bool) { return w.Key(s, n); }
    bool StartObject() { return depth++ < skip ? true : w.StartObject(); }
    bool EndObject(rapidjson::SizeType n) { return --depth < skip ? true : w.EndObject(n); }
    bool StartArray() { return depth < skip ? false : w.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return w.EndArray(n); }
};
}  // namespace

bool merge_object(Writer &w, std::string_view text) {
    // Checked first so that a half-copied object never reaches the writer.
    rapidjson::Document check;
    check.Parse<kParseFlags>(text.data(), text.size());
    if (check.HasParseError() || !check.IsObject()) return false;
    MergeHandler handler(w);
    rapidjson::Reader reader;
    rapidjson::MemoryStream ms(text.data(), text.size());
    return !reader.Parse<kParseFlags>(ms, handler).IsError();
}

bool compact(std::string_view text, std::string &out) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    MergeHandler handler(w, false);
    rapidjson::Reader reader;
    rapidjson::MemoryStream ms(text.data(), text.size());
    // Without kParseStopWhenDoneFlag anything but whitespace after the value is an error.
    if (reader.Parse<kParseFlags>(ms, handler).IsError() || !w.IsComplete()) return false;
    out.assign(buffer.GetString(), buffer.GetSize());
    return true;
}

}  // namespace yativo::json
