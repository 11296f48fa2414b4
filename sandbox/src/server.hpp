// The HTTP(S) front of the emulator on Boost.Beast: parses requests, hands them to Api, and
// carries out what the response asks (send, delay, close without a byte, truncate).
#pragma once

#include <memory>
#include <string>

#include "api.hpp"
#include "options.hpp"

namespace yvsb {

class Server {
  public:
    // Binds the listening socket (and loads the TLS files). Throws std::runtime_error.
    Server(Api &api, const Options &options);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    unsigned short port() const;
    bool tls() const;
    // Serves until SIGINT/SIGTERM (or stop()), then returns.
    void run();
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The raw bytes of a response (status line, headers with Date and Content-Length, body).
std::string serialize_response(const Response &resp, bool keep_alive);

}  // namespace yvsb
