// Swift cannot call C variadic functions, so curl_easy_setopt and curl_easy_getinfo are wrapped
// here in typed, non-variadic inline functions, one per argument type paybatch passes.
#ifndef PAYBATCH_CCURL_SHIM_H
#define PAYBATCH_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*pb_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode pb_curl_setopt_long(CURL *h, CURLoption o, long v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode pb_curl_setopt_string(CURL *h, CURLoption o, const char *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode pb_curl_setopt_pointer(CURL *h, CURLoption o, void *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode pb_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode pb_curl_setopt_callback(CURL *h, CURLoption o, pb_curl_data_callback v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode pb_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode pb_curl_getinfo_long(CURL *h, CURLINFO i, long *v) {
    return curl_easy_getinfo(h, i, v);
}
static inline CURLcode pb_curl_getinfo_double(CURL *h, CURLINFO i, double *v) {
    return curl_easy_getinfo(h, i, v);
}
#endif
