// C module "buffer": owned bytes handed to the caller.
#include "handles.hpp"

extern "C" {

YV_API const char *yv_buffer_data(const yv_buffer *buf) {
    return buf ? buf->data.c_str() : nullptr;
}

YV_API size_t yv_buffer_len(const yv_buffer *buf) {
    return buf ? buf->data.size() : 0;
}

YV_API void yv_buffer_free(yv_buffer *buf) {
    delete buf;
}

}  // extern "C"
