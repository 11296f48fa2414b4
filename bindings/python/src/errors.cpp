#include "errors.hpp"

#include <yativo/status.hpp>

#include <new>

#include "convert.hpp"

namespace yvpy {

namespace {

// status number → Python class; set once at import by libyativo._errors.
py::dict *g_classes = nullptr;
py::object *g_status_enum = nullptr;

py::object optional_str(const std::string &s) {
    return s.empty() ? py::object(py::none()) : py::object(py::str(s));
}

void raise(const yativo::Error &e) {
    int number = static_cast<int>(e.code());
    py::object cls;
    if (g_classes && g_classes->contains(number)) cls = (*g_classes)[py::int_(number)];
    if (!cls) cls = py::reinterpret_borrow<py::object>(PyExc_RuntimeError);
    py::object exc = cls(e.message());
    if (cls.ptr() == PyExc_MemoryError) {
        PyErr_SetObject(cls.ptr(), exc.ptr());
        return;
    }
    py::object details = py::none();
    if (!e.details_json.empty()) {
        try {
            details = py::module_::import("json").attr("loads")(e.details_json);
        } catch (py::error_already_set &) {
            details = py::str(e.details_json);
        }
    }
    exc.attr("code") = g_status_enum ? (*g_status_enum)(number) : py::int_(number);
    exc.attr("message") = e.message();
    exc.attr("http_status") = e.http_status ? py::object(py::int_(e.http_status)) : py::none();
    exc.attr("error_code") = optional_str(e.error_code);
    exc.attr("details") = details;
    exc.attr("request_id") = optional_str(e.request_id);
    exc.attr("retry_after") =
        e.retry_after_s ? py::object(py::float_(*e.retry_after_s)) : py::none();
    exc.attr("existing_transaction_id") = optional_str(e.existing_transaction_id);
    exc.attr("idempotency_key") = optional_str(e.idempotency_key);
    exc.attr("outcome_unknown") = e.outcome_unknown;
    exc.attr("retryable") = e.retryable;
    PyErr_SetObject(cls.ptr(), exc.ptr());
}

}  // namespace

py::object exception_object(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const yativo::Error &e) {
        try {
            raise(e);
        } catch (py::error_already_set &failed) {
            failed.restore();
        }
    } catch (const std::bad_alloc &) {
        PyErr_NoMemory();
    } catch (const std::exception &e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
    } catch (...) {
        PyErr_SetString(PyExc_RuntimeError, "unknown error");
    }
    PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    Py_XDECREF(type);
    Py_XDECREF(traceback);
    return value ? py::reinterpret_steal<py::object>(value) : py::object(py::none());
}

void bind_errors(py::module_ &m) {
    m.def(
        "_status_table",
        [] {
            py::list rows;
#define YV_STATUS(name, number, pyname, doc) \
    rows.append(py::make_tuple(#name, number, #pyname, doc));
#include <yativo/status.def>
#undef YV_STATUS
            return rows;
        },
        "The core's status table: (NAME, number, Python class name, description) rows.");
    m.def(
        "_set_error_classes",
        [](py::dict classes, py::object status_enum) {
            // Leaked on purpose: they live as long as the process.
            if (!g_classes) g_classes = new py::dict();
            if (!g_status_enum) g_status_enum = new py::object();
            g_classes->clear();
            for (auto item : classes) (*g_classes)[item.first] = item.second;
            *g_status_enum = std::move(status_enum);
        },
        "Installs the status number -> exception class map and the Status enum used to raise "
        "core errors.");
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const yativo::Error &e) {
            raise(e);
        }
    });
}

}  // namespace yvpy
