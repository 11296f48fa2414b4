#include "py_pager.hpp"

#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <yativo/pager.hpp>
#include <yativo/types.hpp>

#include "call.hpp"
#include "convert.hpp"
#include "py_client.hpp"
#include "py_params_gen.hpp"

namespace yvpy {

namespace {

class PyTransactionPager {
  public:
    PyTransactionPager(py::object owner, std::shared_ptr<yativo::Client> client,
                       yativo::TransactionQuery query, yativo::CallOptions call)
        : owner_(std::move(owner)),
          client_(std::move(client)),
          pager_(*client_, std::move(query), std::move(call)) {}

    // The next page's items (a list of Transaction), or None once the walk is over. A closed
    // client refuses the next page, as every call does.
    py::object next_page() {
        owner_.cast<const PyClient &>().get();
        yativo::CallOptions &call = pager_.call();
        call.cancel.reset();  // run_blocking attaches a fresh token when it watches for Ctrl-C
        std::optional<std::vector<yativo::Transaction>> page;
        Interrupted interrupted = run_blocking(call, [&] { page = pager_.next_page(); });
        py::object result;
        try {
            result = page ? py::cast(std::move(*page)) : py::none();
        } catch (...) {
            pager_.unread();  // not handed over: the next call asks for the same page again
            throw;
        }
        if (interrupted) raise_interrupted_result(std::move(interrupted), std::move(result));
        return result;
    }

    bool done() const { return pager_.done(); }

  private:
    py::object owner_;                        // the _core.Client, to see close()
    std::shared_ptr<yativo::Client> client_;  // outlives pager_, which borrows it
    yativo::TransactionPager pager_;
};

}  // namespace

void bind_pager(py::module_ &m) {
    py::class_<PyTransactionPager>(m, "TransactionPager")
        // The arguments of list_transactions, converted by the same generated function.
        .def(py::init([](py::object client, std::optional<int> page, std::optional<int> limit,
                         const std::optional<std::string> &status,
                         const std::optional<std::string> &chain,
                         const std::optional<std::string> &search,
                         const std::optional<double> &timeout) {
                 std::shared_ptr<yativo::Client> core = client.cast<const PyClient &>().get();
                 yativo::TransactionQuery query =
                     make_transaction_query(page, limit, status, chain, search);
                 return std::make_unique<PyTransactionPager>(
                     std::move(client), std::move(core), std::move(query), call_options(timeout));
             }),
             py::arg("client"), py::kw_only(), py::arg("page") = py::none(),
             py::arg("limit") = py::none(), py::arg("status") = py::none(),
             py::arg("chain") = py::none(), py::arg("search") = py::none(),
             py::arg("timeout") = py::none())
        .def("next_page", &PyTransactionPager::next_page)
        .def_property_readonly("done", &PyTransactionPager::done);
}

}  // namespace yvpy
