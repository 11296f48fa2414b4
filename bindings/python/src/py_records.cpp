#include "py_records.hpp"

namespace yvpy {

namespace {

py::handle decimal_type() {
    // Kept for the life of the process, like the module's other cached types.
    static py::handle type = py::object(py::module_::import("decimal").attr("Decimal")).release();
    return type;
}

}  // namespace

py::str text(const std::string &value) {
    PyObject *s = PyUnicode_DecodeUTF8(value.data(), static_cast<Py_ssize_t>(value.size()),
                                       "surrogateescape");
    if (!s) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(s);
}

py::object text_or_none(const std::string &value) {
    return value.empty() ? py::object(py::none()) : py::object(text(value));
}

py::object decimal(const std::string &value) {
    return decimal_type()(text(value));
}

py::object decimal_or_none(const std::string &value) {
    return value.empty() ? py::object(py::none()) : decimal(value);
}

py::object int_or_none(const std::optional<std::int64_t> &value) {
    return value ? py::object(py::int_(*value)) : py::object(py::none());
}

py::object bool_or_none(const std::optional<bool> &value) {
    return value ? py::object(py::bool_(*value)) : py::object(py::none());
}

std::string record_repr(py::handle self, const char *name,
                        std::initializer_list<const char *> fields) {
    std::string out = std::string(name) + "(";
    const char *separator = "";
    for (const char *field : fields) {
        out += separator;
        out += field;
        out += "=";
        out += py::repr(self.attr(field)).cast<std::string>();
        separator = ", ";
    }
    return out + ")";
}

bool same_json(const yativo::Payload &a, const yativo::Payload &b) {
    return a.value() == b.value();
}

}  // namespace yvpy
