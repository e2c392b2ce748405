// Passwords and PINs in memory: one owner, no copies, wiped when done with.
#pragma once

#include <cstddef>
#include <string_view>

namespace hoadon::keys {

// A secret held in a buffer of its own, overwritten (OPENSSL_cleanse, which the compiler may not
// optimise away) when destroyed or replaced. Move-only: a copy would be one more place to wipe.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string_view text);
  ~Secret();
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;

  [[nodiscard]] const char* c_str() const noexcept { return data_ ? data_ : ""; }  // NUL-terminated
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::string_view view() const noexcept { return {c_str(), size_}; }

 private:
  void wipe() noexcept;
  char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Overwrites a buffer that held a secret (a file read, a terminal line).
void wipe(void* data, std::size_t size) noexcept;

}  // namespace hoadon::keys
