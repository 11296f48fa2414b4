// Walks the transaction history page by page: the one place that decides when the walk ends, for
// C++ and, through it, every binding.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "yativo/client.hpp"
#include "yativo/options.hpp"
#include "yativo/payload.hpp"
#include "yativo/types.hpp"

namespace yativo {

// The stop rule, written once:
// - the answer has a `pagination` block beside `data` with `pages` (or `total` and a `limit`):
//   the page whose number reaches it is the last, so a full last page costs no extra request;
// - otherwise a page with fewer items than the page size is the last. The page size is the
//   query's `limit`, else the block's `limit`, else the size of the walk's first page.
// An empty page always ends the walk.
//
// A pager is one walk: not for two threads at once (it may move between threads). The client
// must outlive it. Every request uses the given CallOptions (the timeout is per page).
class TransactionPager {
  public:
    // Starts at query.page; sends nothing until next_page().
    TransactionPager(Client &client, TransactionQuery query, CallOptions call = {});

    // The next page's transactions, or nullopt once the walk is over (without a request). Each
    // item's raw.envelope() is the whole answer (`data`, `pagination`, ...). Throws yativo::Error
    // like Client::list_transactions (PROTOCOL when the answer holds no list); the walk can then
    // be resumed by calling again.
    std::optional<std::vector<Transaction>> next_page();

    // Undoes the last next_page(): the next call asks for the same page again. For a caller that
    // could not hand the page over (out of memory converting it), so no page is skipped.
    void unread() noexcept;
    // True once the last page has been returned.
    bool done() const noexcept { return done_; }
    // The number of the page next_page() asks for.
    int page() const noexcept { return query_.page; }
    // The options of every later request: a binding that cancels per call (Python's Ctrl-C)
    // attaches a fresh token before each page.
    CallOptions &call() noexcept { return call_; }

  private:
    Client *client_;
    TransactionQuery query_;
    CallOptions call_;
    std::optional<std::size_t> first_page_size_;
    bool done_ = false;
    // What next_page() changed, for unread().
    int previous_page_ = 0;
    bool previous_done_ = false;
    std::optional<std::size_t> previous_first_page_size_;
};

}  // namespace yativo
