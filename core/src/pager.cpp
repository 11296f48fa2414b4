#include "yativo/pager.hpp"

#include <utility>

#include "json_util.hpp"
#include "yativo/status.hpp"

namespace yativo {

namespace {

// The items of a history answer: `data` itself, or a `transactions` list inside it.
const rapidjson::Value &items_of(const Payload &page) {
    const rapidjson::Value &data = page.value();
    if (data.IsArray()) return data;
    if (data.IsObject()) {
        const rapidjson::Value *list = json::member(data, "transactions");
        if (list && list->IsArray()) return *list;
    }
    throw Error(Status::PROTOCOL, "the transaction history answer holds no list of items");
}

// Whether the page just read is the last (the rule of pager.hpp). `page_size` is the query's
// limit, or else the walk's first page size.
bool last_page(const rapidjson::Value &envelope, int page, std::size_t count,
               std::size_t page_size) {
    if (count == 0) return true;
    const rapidjson::Value *block =
        envelope.IsObject() ? json::member(envelope, "pagination") : nullptr;
    if (block && block->IsObject()) {
        if (auto pages = json::integer(*block, "pages")) return page >= *pages;
        auto limit = json::integer(*block, "limit");
        if (auto total = json::integer(*block, "total")) {
            const std::int64_t per_page =
                limit && *limit > 0 ? *limit : static_cast<std::int64_t>(page_size);
            return static_cast<std::int64_t>(page) * per_page >= *total;
        }
        if (limit && *limit > 0) page_size = static_cast<std::size_t>(*limit);
    }
    return count < page_size;
}

}  // namespace

TransactionPager::TransactionPager(Client &client, TransactionQuery query, CallOptions call)
    : client_(&client), query_(std::move(query)), call_(std::move(call)) {}

std::optional<Payload> TransactionPager::next_page() {
    if (done_) return std::nullopt;
    Payload answer = client_->list_transactions(query_, call_);
    previous_page_ = query_.page;
    previous_done_ = done_;
    previous_first_page_size_ = first_page_size_;
    const rapidjson::Value &items = items_of(answer);
    const std::size_t count = items.Size();
    if (!first_page_size_) first_page_size_ = count;
    const std::size_t page_size =
        query_.limit ? static_cast<std::size_t>(*query_.limit) : *first_page_size_;
    done_ = last_page(answer.envelope().value(), query_.page, count, page_size);
    ++query_.page;
    return answer.part(items);
}

void TransactionPager::unread() noexcept {
    if (previous_page_ == 0) return;
    query_.page = previous_page_;
    done_ = previous_done_;
    first_page_size_ = previous_first_page_size_;
    previous_page_ = 0;
}

}  // namespace yativo
