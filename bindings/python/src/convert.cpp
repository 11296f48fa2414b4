#include "convert.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include <yativo/status.hpp>

namespace yvpy {

namespace {

py::object steal_or_throw(PyObject *obj) {
    if (!obj) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(obj);
}

PyObject *new_str(const rapidjson::Value &v) {
    return PyUnicode_DecodeUTF8(v.GetString(), static_cast<Py_ssize_t>(v.GetStringLength()),
                                "surrogateescape");
}

// Builds the Python value; returns a new reference or nullptr with a Python error set.
PyObject *convert(const rapidjson::Value &v) {
    switch (v.GetType()) {
        case rapidjson::kNullType:
            Py_RETURN_NONE;
        case rapidjson::kFalseType:
            Py_RETURN_FALSE;
        case rapidjson::kTrueType:
            Py_RETURN_TRUE;
        case rapidjson::kStringType:
            return new_str(v);
        case rapidjson::kNumberType:
            // Payloads hold numbers as strings; values the core built itself may not.
            if (v.IsInt64()) return PyLong_FromLongLong(v.GetInt64());
            if (v.IsUint64()) return PyLong_FromUnsignedLongLong(v.GetUint64());
            return PyFloat_FromDouble(v.GetDouble());
        case rapidjson::kArrayType: {
            PyObject *list = PyList_New(static_cast<Py_ssize_t>(v.Size()));
            if (!list) return nullptr;
            Py_ssize_t i = 0;
            for (const auto &item : v.GetArray()) {
                PyObject *x = convert(item);
                if (!x) {
                    Py_DECREF(list);
                    return nullptr;
                }
                PyList_SET_ITEM(list, i++, x);
            }
            return list;
        }
        case rapidjson::kObjectType: {
            PyObject *dict = PyDict_New();
            if (!dict) return nullptr;
            for (const auto &m : v.GetObject()) {
                PyObject *key = new_str(m.name);
                PyObject *x = key ? convert(m.value) : nullptr;
                int rc = x ? PyDict_SetItem(dict, key, x) : -1;
                Py_XDECREF(key);
                Py_XDECREF(x);
                if (rc != 0) {
                    Py_DECREF(dict);
                    return nullptr;
                }
            }
            return dict;
        }
    }
    Py_RETURN_NONE;
}

std::string type_name(py::handle v) {
    return Py_TYPE(v.ptr())->tp_name;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

py::handle decimal_type() {
    static py::handle type = py::object(py::module_::import("decimal").attr("Decimal")).release();
    return type;
}

std::string decimal_text(py::handle value) {
    return py::str(py::module_::import("builtins").attr("format")(value, "f"));
}

// no_float: the parameter's name when a float anywhere in the value is refused (a json
// parameter: what it carries may be money, which a binary float cannot hold exactly).
void write(JsonWriter &w, py::handle v, int depth, const char *no_float = nullptr) {
    if (depth > 64) yativo::throw_invalid("JSON body is nested too deeply");
    if (v.is_none()) {
        w.Null();
    } else if (PyBool_Check(v.ptr())) {
        w.Bool(v.ptr() == Py_True);
    } else if (PyUnicode_Check(v.ptr())) {
        Py_ssize_t size = 0;
        const char *s = PyUnicode_AsUTF8AndSize(v.ptr(), &size);
        if (!s) throw py::error_already_set();
        w.String(s, static_cast<rapidjson::SizeType>(size));
    } else if (PyLong_Check(v.ptr())) {
        std::string text = py::str(v);
        w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
    } else if (PyFloat_Check(v.ptr())) {
        if (no_float)
            yativo::throw_invalid(std::string(no_float) +
                                  " holds a float: give amounts as str or decimal.Decimal (a "
                                  "float cannot hold most decimal amounts exactly)");
        double d = PyFloat_AS_DOUBLE(v.ptr());
        if (!std::isfinite(d)) yativo::throw_invalid("JSON body holds a non-finite float");
        std::string text = py::repr(v);
        w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
    } else if (py::isinstance(v, decimal_type())) {
        if (!v.attr("is_finite")().cast<bool>())
            yativo::throw_invalid("JSON body holds a non-finite Decimal");
        std::string text = decimal_text(v);
        w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
    } else if (PyDict_Check(v.ptr())) {
        w.StartObject();
        for (auto item : py::reinterpret_borrow<py::dict>(v)) {
            if (!PyUnicode_Check(item.first.ptr()))
                yativo::throw_invalid("JSON object keys must be str");
            write(w, item.first, depth + 1, no_float);
            write(w, item.second, depth + 1, no_float);
        }
        w.EndObject();
    } else if (PyList_Check(v.ptr()) || PyTuple_Check(v.ptr())) {
        w.StartArray();
        for (auto item : v) write(w, item, depth + 1, no_float);
        w.EndArray();
    } else {
        yativo::throw_invalid(std::string("cannot send a ") + type_name(v) + " as JSON");
    }
}

}  // namespace

py::object to_python(const rapidjson::Value &value) {
    return steal_or_throw(convert(value));
}

std::string to_json(py::handle value) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write(w, value, 0);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string json_value(py::handle value, const char *what) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write(w, value, 0, what);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string amount_text(py::handle value) {
    if (PyUnicode_Check(value.ptr())) return value.cast<std::string>();
    if (py::isinstance(value, decimal_type())) return decimal_text(value);
    yativo::throw_invalid(std::string("amount must be a str or decimal.Decimal, not ") +
                          type_name(value) + " (a float cannot hold most decimal amounts exactly)");
}

std::optional<std::chrono::milliseconds> millis(const std::optional<double> &seconds,
                                                const char *what) {
    if (!seconds) return std::nullopt;
    if (!std::isfinite(*seconds) || std::fabs(*seconds) > 1e9)
        yativo::throw_invalid(std::string(what) + " must be a finite number of seconds");
    return std::chrono::milliseconds(std::llround(*seconds * 1000.0));
}

std::optional<std::chrono::seconds> whole_seconds(const std::optional<double> &seconds,
                                                  const char *what) {
    if (!seconds) return std::nullopt;
    if (!std::isfinite(*seconds) || std::fabs(*seconds) > 1e9 || *seconds != std::floor(*seconds))
        yativo::throw_invalid(std::string(what) + " must be a whole number of seconds");
    return std::chrono::seconds(static_cast<long long>(*seconds));
}

yativo::CallOptions call_options(const std::optional<double> &timeout,
                                 const std::optional<std::string> &idempotency_key,
                                 py::handle totp_code) {
    yativo::CallOptions call;
    call.timeout = millis(timeout, "timeout");
    if (idempotency_key) call.idempotency_key = *idempotency_key;
    call.totp_code = secret_from(totp_code, "totp_code");
    return call;
}

py::list string_list(const std::vector<std::string> &items) {
    py::list out(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) out[i] = py::str(items[i]);
    return out;
}

std::vector<std::string> strings_from(py::handle items, const char *what) {
    if (PyUnicode_Check(items.ptr()) || PyBytes_Check(items.ptr()))
        yativo::throw_invalid(std::string(what) + " must be a list of str, not a single str");
    std::vector<std::string> out;
    for (auto item : py::iter(items)) {
        if (!PyUnicode_Check(item.ptr()))
            yativo::throw_invalid(std::string(what) + " must hold only str");
        out.push_back(item.cast<std::string>());
    }
    return out;
}

std::string_view body_bytes(py::handle body) {
    char *data = nullptr;
    Py_ssize_t size = 0;
    if (!PyBytes_Check(body.ptr()) || PyBytes_AsStringAndSize(body.ptr(), &data, &size) != 0)
        yativo::throw_invalid("body must be bytes: the raw body as received");
    return {data, static_cast<std::size_t>(size)};
}

yativo::HeaderList header_list(py::handle headers) {
    yativo::HeaderList h;
    for (auto item : headers.attr("items")()) {
        auto pair = item.cast<py::tuple>();
        h.emplace_back(pair[0].cast<std::string>(), pair[1].cast<std::string>());
    }
    return h;
}

yativo::Secret secret_from(py::handle value, const char *what) {
    if (value.is_none()) return {};
    if (!PyUnicode_Check(value.ptr())) yativo::throw_invalid(std::string(what) + " must be a str");
    Py_ssize_t size = 0;
    const char *s = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
    if (!s) throw py::error_already_set();
    return yativo::Secret(std::string_view(s, static_cast<std::size_t>(size)));
}

}  // namespace yvpy
