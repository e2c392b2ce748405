#include "keys/secret.hpp"

#include <openssl/crypto.h>

#include <cstring>
#include <utility>

namespace hoadon::keys {

void wipe(void* data, std::size_t size) noexcept {
  if (data && size) OPENSSL_cleanse(data, size);
}

Secret::Secret(std::string_view text) : data_(new char[text.size() + 1]), size_(text.size()) {
  std::memcpy(data_, text.data(), text.size());
  data_[size_] = '\0';
}

Secret::~Secret() { wipe(); }

Secret::Secret(Secret&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    wipe();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void Secret::wipe() noexcept {
  if (!data_) return;
  keys::wipe(data_, size_ + 1);
  delete[] data_;
  data_ = nullptr;
  size_ = 0;
}

}  // namespace hoadon::keys
