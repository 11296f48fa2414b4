# Finds Python and pybind11 for the Python module, quietly: the top-level option YV_BUILD_PYTHON
# defaults to ON only when both are found. pybind11 comes from PyPI (pip install pybind11); a
# repository .venv (scripts/test-python.sh makes one) is looked at when nothing says otherwise.
set(_yv_venv_python ${PROJECT_SOURCE_DIR}/.venv/bin/python)
if(NOT DEFINED Python_EXECUTABLE AND NOT DEFINED SKBUILD AND EXISTS ${_yv_venv_python})
  set(Python_EXECUTABLE ${_yv_venv_python} CACHE FILEPATH "Python for the libyativo module")
endif()
find_package(Python 3.8 QUIET COMPONENTS Interpreter Development.Module)
if(Python_FOUND AND NOT DEFINED pybind11_DIR)
  execute_process(COMMAND ${Python_EXECUTABLE} -m pybind11 --cmakedir
                  OUTPUT_VARIABLE _yv_pybind11_dir OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _yv_pybind11_rc ERROR_QUIET)
  if(_yv_pybind11_rc EQUAL 0)
    set(pybind11_DIR ${_yv_pybind11_dir} CACHE PATH "pybind11's CMake package")
  endif()
endif()
set(YV_PYBIND11_FOUND OFF)
if(Python_FOUND)
  find_package(pybind11 2.10 CONFIG QUIET)
  if(pybind11_FOUND)
    set(YV_PYBIND11_FOUND ON)
  endif()
endif()
