#include "harness/search_model.hpp"

#include <algorithm>
#include <stdexcept>

#include "io/input_error.hpp"

namespace cqm {

SearchModel::SearchModel(const Config& config, bool exact, std::atomic<std::uint32_t>* ran, bool symmetry,
                         CoverageSink* coverage)
    : config_(&config),
      env_(config),
      codec_(config, env_.horizon(), exact),
      ran_(ran),
      symmetry_(symmetry),
      sink_(coverage),
      coverage_(coverage ? std::make_unique<Coverage>() : nullptr),
      system_(std::make_unique<System>(config)),
      successor_(codec_.words(), 0) {
  system_->record_coverage(coverage_.get());
}

void SearchModel::flush_coverage() {
  if (!sink_ || !coverage_) return;
  sink_->merge(*coverage_);
  *coverage_ = Coverage{};
}

void SearchModel::initial(std::uint64_t* key) {
  entered_.clear();  // the System is reset: the next state is entered whole
  system_->reset();
  system_->snapshot(before_);
  codec_.pack(before_, EnvBook{}, key);
}

StateCodec::Touched SearchModel::touched(const System& system) {
  StateCodec::Touched t;
  for_each_machine(
      [&]<class M>(std::type_identity<M>) { t[machine_index<M>] = system.group<M>().touched(); });
  return t;
}

void SearchModel::enter(const std::uint64_t* key) {
  if (entered_.empty()) {
    codec_.unpack(key, before_, book_);
    system_->restore(before_);
    after_ = before_;
    entered_.assign(key, key + codec_.words());
  } else {
    codec_.unpack_step(entered_.data(), key, before_, book_, changed_);
    system_->restore_changes(before_, changed_, &after_);
    std::copy(key, key + codec_.words(), entered_.begin());
  }
  if (!check_keys_) return;
  SystemSnapshot whole;
  EnvBook book;
  codec_.unpack(key, whole, book);
  if (!(whole == before_) || !(book == book_) || !(system_->snapshot() == whole) || !(after_ == whole))
    throw std::logic_error(
        "model bug: a state read back from the last one's differs from it read back whole "
        "(a key rule's restore that reads the clock not declared)");
}

void SearchModel::check_key(const EnvBook& book) {
  whole_.assign(codec_.words(), 0);
  codec_.pack(after_, book, whole_.data());
  if (whole_ != successor_)
    throw std::logic_error(
        "model bug: a successor's key packed from its parent's differs from its key packed "
        "whole (a key rule that reads the clock not declared kept_against_clock, or one "
        "that is not idempotent)");
}

void SearchModel::canonicalize(std::uint64_t* key, std::array<int, kMaxSearchClients>* order) {
  codec_.unpack(key, canonical_, canonical_book_);
  put_in_order(key, order);
}

void SearchModel::canonicalize_successor(const std::uint64_t* parent, std::uint64_t* key) {
  canonical_ = before_;
  canonical_book_ = book_;
  codec_.unpack_step(parent, key, canonical_, canonical_book_, canonical_changed_);
  if (check_keys_) {
    SystemSnapshot whole;
    EnvBook book;
    codec_.unpack(key, whole, book);
    if (!(whole == canonical_) || !(book == canonical_book_))
      throw std::logic_error(
          "model bug: a successor read back from its parent's key differs from it read back whole");
  }
  put_in_order(key, nullptr);
}

void SearchModel::put_in_order(std::uint64_t* key, std::array<int, kMaxSearchClients>* order) {
  // The order is taken on the state the key stands for (its declared abstractions applied), so that it is a
  // function of the key. Most successors of a search of four clients have their clients moved (73 %).
  std::array<int, kMaxSearchClients> local{};
  auto& o = order ? *order : local;
  if (!order_of_clients(*config_, canonical_, o)) return;
  // The blocks are moved within the key; of the state, only the header's part (the init plan) is reordered,
  // for reorder_clients packs the header again.
  reorder_init_plan(*config_, canonical_, o);
  const auto clients = static_cast<std::size_t>(config_->model.site.clients);
  codec_.reorder_clients(key, canonical_, canonical_book_, std::span<const int>(o.data(), clients));
  if (!check_keys_) return;
  reorder_blocks(*config_, canonical_, o);
  whole_.assign(codec_.words(), 0);
  codec_.pack(canonical_, canonical_book_, whole_.data());
  if (!std::equal(whole_.begin(), whole_.end(), key))
    throw std::logic_error(
        "model bug: a key with its clients' blocks moved differs from the key packed whole");
}

Schedule schedule_of_path(const Config& config, const std::vector<std::uint16_t>& path, bool exact,
                          bool symmetry, bool whole) {
  SearchModel model(config, exact, nullptr, symmetry);
  const EnvironmentModel& env = model.environment();
  const StateCodec& codec = model.codec();
  System real(config);
  System stored(config);  // the state the search stored: its choices are the ones the path counts
  EnvBook book;
  Schedule schedule;
  std::vector<std::uint64_t> key(codec.words()), last(codec.words());
  SystemSnapshot snap, stored_snap;
  EnvBook stored_book;
  StateCodec::Changed changed;
  std::array<int, kMaxSearchClients> order{};
  for (int j = 0; j < kMaxSearchClients; ++j) order[static_cast<std::size_t>(j)] = j;
  // As the search goes (SearchModel::expand, enter): after the first step, each key is packed from the last
  // one and `stored` read back from it, unless the clients are put in canonical order (their key is not the
  // last one's with the step's instances rewritten).
  const bool step_by_step = !whole && !model.symmetric();
  auto store = [&](bool first) {
    if (first || !step_by_step) {
      real.snapshot(snap);
      codec.pack(snap, book, key.data());
      if (model.symmetric()) model.canonicalize(key.data(), &order);
      codec.unpack(key.data(), stored_snap, stored_book);
      stored.restore(stored_snap);
    } else {
      real.snapshot_changes(snap);
      codec.pack_step(last.data(), snap, book, SearchModel::touched(real), key.data(), &stored_snap);
      codec.unpack_step(last.data(), key.data(), stored_snap, stored_book, changed);
      stored.restore_changes(stored_snap, changed);
    }
    real.forget_changes();
    std::swap(key, last);  // `last` is the key of the state `stored` holds
  };
  std::vector<Choice> choices;
  const int clients = config.model.site.clients;
  std::vector<std::vector<bool>> planned(static_cast<std::size_t>(clients));  // each start-up's outcome
  for (std::size_t step = 0; step < path.size(); ++step) {
    const std::uint16_t code = path[step];
    store(step == 0);
    env.choices(stored, stored_book, choices);
    if (code >= choices.size()) throw std::logic_error("model bug: a path's choice the state does not offer");
    std::vector<int> start_ups;
    for (int c = 0; c < clients; ++c) {
      real.focus(c);
      start_ups.push_back(real.data<Client>().start_ups);
    }
    env.apply(real, book, choices[code], &schedule.events, order.data());
    const std::int32_t fails = real.inputs().next_init_fails;
    real.advance_to(real.now() + env.quantum());
    for (int c = 0; c < clients; ++c) {
      real.focus(c);
      for (int k = start_ups[static_cast<std::size_t>(c)]; k < real.data<Client>().start_ups; ++k)
        planned[static_cast<std::size_t>(c)].push_back((fails >> c & 1) != 0);
    }
    real.focus(0);
  }
  auto outcomes = [](const std::vector<bool>& fails) {
    std::vector<InitOutcome> out;
    for (bool f : fails) out.push_back(f ? InitOutcome::failed : InitOutcome::ok);
    return out;
  };
  schedule.init = outcomes(planned[0]);
  for (int c = 1; c < clients; ++c)
    schedule.client_init.push_back(outcomes(planned[static_cast<std::size_t>(c)]));
  schedule.init_otherwise = InitOutcome::ok;
  schedule.horizon = real.now();
  return schedule;
}

namespace {

[[noreturn]] void refuse(const Config& c, const std::string& key, const std::string& why) {
  throw InputError(c.source.file.empty() ? c.name : c.source.file, c.source.line_of(key), key, why);
}

/// The first multiple of q at or after t.
Minutes grid_at_or_after(Minutes t, Minutes q) { return (t + q - 1) / q * q; }

}  // namespace

void check_grid(const Config& c) {
  if (c.model.site.clients > kMaxSearchClients)
    refuse(c, "site.clients",
           "the exhaustive explorer takes a site of at most " + std::to_string(kMaxSearchClients) +
               " clients (its states grow as the power of them): use --explorer random, or simulate");
  const auto& e = c.env;
  const Minutes q = e.quantum;
  const std::string grid = "the " + std::to_string(q) + "-minute environment.quantum grid";
  // The user switches the PC on only at grid points inside [on_from, on_until] (days start on the grid when q
  // divides a day; otherwise the window's points differ from day to day, and day 0's are checked here).
  if (grid_at_or_after(e.on_from, q) > e.on_until)
    refuse(c, "environment.on_from",
           "the power-on window " + format_clock(e.on_from) + "-" + format_clock(e.on_until) +
               " holds no point of " + grid +
               ": the exhaustive explorer would search an empty environment (widen the window to a multiple "
               "of the quantum, or choose a quantum that divides its start)");
  if (kMinutesPerDay % q != 0 && e.user_powers_off)
    refuse(c, "environment.quantum",
           "must divide a day (1440 minutes) so that every day's power-on window has the same grid points");
  for (int p = 0; p < c.programs(); ++p) {
    const ProgramWindow& w = e.programs[static_cast<std::size_t>(p)];
    if (grid_at_or_after(w.from, q) >= w.until)
      refuse(c, program_key(p, "runs_from"),
             "the program's window " + format_time(w.from) + " to " + format_time(w.until) +
                 " holds no point of " + grid + ": the program would never run in the exhaustive search");
  }
  // After a power-on on the grid, the first grid point the PC is up at: if the user must already switch off
  // there, nothing can happen while it is up.
  const Minutes boot = c.model.boot_minutes;
  const Minutes first_up = std::max<Minutes>(1, (boot + q - 1) / q) * q;
  if (e.user_powers_off && e.max_session > 0 && first_up - boot >= e.max_session)
    refuse(c, "environment.max_session",
           std::to_string(e.max_session) + " min is too short for " + grid +
               ": at the first grid point after a " + "start-up (" + std::to_string(first_up - boot) +
               " min into the session) the user must already "
               "switch off, so no program could run");
}

}  // namespace cqm
