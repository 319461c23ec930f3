#include "model/env.hpp"

#include <stdexcept>

namespace cqm {

const char* machine_name(MachineKind kind) {
  switch (kind) {
    case MachineKind::client:
      return "Client";
    case MachineKind::program:
      return "Program";
    case MachineKind::copy_queue:
      return "CopyQueueManager";
    case MachineKind::destination:
      return "Destination";
    case MachineKind::queue_item:
      return "QueueItem";
  }
  return "?";
}

void Env::post(NoticeKind kind, std::int32_t arg) {
  if (count_ == outbox_.size()) throw std::logic_error("model bug: notice outbox overflow");
  outbox_[(head_ + count_) % outbox_.size()] = {kind, arg};
  ++count_;
}

bool Env::take(Notice& out) {
  if (count_ == 0) return false;
  out = outbox_[head_];
  head_ = static_cast<std::uint8_t>((head_ + 1) % outbox_.size());
  --count_;
  return true;
}

}  // namespace cqm
