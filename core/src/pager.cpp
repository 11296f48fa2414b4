#include "yativo/pager.hpp"

#include <utility>

#include "endpoints_gen.hpp"
#include "json_util.hpp"
#include "yativo/status.hpp"

namespace yativo {

namespace {

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

std::optional<std::vector<Transaction>> TransactionPager::next_page() {
    if (done_) return std::nullopt;
    // The page's request and decoder are Client::list_transactions' own; the pager reads the
    // answer's envelope too, for its pagination block.
    detail::Call request = detail::list_transactions_call(query_, call_);
    Payload answer = client_->impl().execute(request, call_);
    std::vector<Transaction> items = detail::decode_transaction_list(answer);
    previous_page_ = query_.page;
    previous_done_ = done_;
    previous_first_page_size_ = first_page_size_;
    const std::size_t count = items.size();
    if (!first_page_size_) first_page_size_ = count;
    const std::size_t page_size =
        query_.limit ? static_cast<std::size_t>(*query_.limit) : *first_page_size_;
    done_ = last_page(answer.envelope().value(), query_.page, count, page_size);
    ++query_.page;
    return items;
}

void TransactionPager::unread() noexcept {
    if (previous_page_ == 0) return;
    query_.page = previous_page_;
    done_ = previous_done_;
    first_page_size_ = previous_first_page_size_;
    previous_page_ = 0;
}

}  // namespace yativo
