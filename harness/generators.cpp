#include "harness/generators.hpp"

#include <algorithm>
#include <memory>

#include "checker/splitmix.hpp"
#include "harness/environment.hpp"

namespace cqm {

int habit_days(const Config& c) {
  Minutes last = 0;
  for (const auto& w : c.env.programs) last = std::max(last, w.until);
  return static_cast<int>((last + c.model.item_lifetime) / kMinutesPerDay + 2);
}

namespace {

// A Habits value is drawn as a row of numbers, in the order RapidCheck's combinators would draw and shrink
// them (gen::build's fields in order, a container's elements in order): the site's client's days (on_offset,
// session, away), its program delays and init outcomes, the CAP's outages (start, length), then each further
// client's days, delays and init outcomes. One generator draws them from one stream, in that order, straight
// into the value: the combinators split the stream for every number and keep a shrink tree for each, which
// made generation 40 % of a random run of kb-q292030 (doc/performance.md). The shrinks, made from the row
// when RapidCheck asks for them, are the combinators', in their order:
// each number toward the least of its range (rc::shrink::towards, as gen::inRange; true to false, as
// gen::arbitrary<bool>), the outages' runs removed before their numbers shrink (rc::shrink::removeChunks, as
// gen::container).

struct Range {
  Minutes lo = 0, hi = 0;  ///< inclusive
  bool boolean = false;    ///< an even coin, whatever the size (gen::arbitrary<bool>)
};
constexpr Range kCoin{0, 1, true};

struct Shape {
  int days = 0, programs = 0, start_ups = 0, more_clients = 0, max_outages = 0;
  Range on_offset, session, away, delay, outage_start, outage_length;
  int per_client() const { return 3 * days + programs + start_ups; }
  /// Number k of a client's part of the row.
  Range of_client(int k) const {
    if (k < 3 * days) return k % 3 == 0 ? on_offset : k % 3 == 1 ? session : away;
    return k - 3 * days < programs ? delay : kCoin;
  }
  /// Number p of a row with `outages` outages.
  Range at(std::size_t p, int outages) const {
    const auto own = static_cast<std::size_t>(per_client());
    if (p < own) return of_client(static_cast<int>(p));
    if (p < own + 2 * static_cast<std::size_t>(outages))
      return (p - own) % 2 == 0 ? outage_start : outage_length;
    return of_client(static_cast<int>((p - own - 2 * static_cast<std::size_t>(outages)) % own));
  }
};

Shape shape_of(const Config& c) {
  const auto& e = c.env;
  Shape s;
  // With no upper limit the user may keep the PC on into the night; a day's session never runs past the next
  // on.
  const Minutes session_span =
      std::max<Minutes>((e.max_session > 0 ? e.max_session : kMinutesPerDay) - e.min_session, 0);
  s.days = e.user_powers_off ? habit_days(c) : 1;
  s.programs = c.programs();
  s.start_ups = habit_days(c) + 4 + 2 * c.programs();
  s.more_clients = c.model.site.clients - 1;
  s.max_outages = e.max_cap_outages;
  s.on_offset = {0, e.on_until - e.on_from};
  s.session = {0, session_span};
  s.away = {0, e.max_days_off > 0 ? 1 : 0, true};
  s.delay = {0, e.min_session + session_span};
  s.outage_start = {0, habit_days(c) * kMinutesPerDay - 1};
  s.outage_length = {1, std::max<Minutes>(e.max_outage, 1)};
  return s;
}

void put_client(const Shape& s, const std::vector<Minutes>& row, std::size_t& p, Habits& h) {
  h.days.resize(static_cast<std::size_t>(s.days));
  for (auto& d : h.days) {
    d.on_offset = row[p++];
    d.session = row[p++];
    d.away = row[p++] != 0;
  }
  h.program_delays.assign(row.begin() + static_cast<std::ptrdiff_t>(p),
                          row.begin() + static_cast<std::ptrdiff_t>(p) + s.programs);
  p += static_cast<std::size_t>(s.programs);
  h.init_fails.resize(static_cast<std::size_t>(s.start_ups));
  for (std::size_t k = 0; k < h.init_fails.size(); ++k) h.init_fails[k] = row[p++] != 0;
}

Habits habits_of(const Shape& s, const std::vector<Minutes>& row, int outages) {
  Habits h;
  std::size_t p = 0;
  put_client(s, row, p, h);
  h.outages.resize(static_cast<std::size_t>(outages));
  for (auto& o : h.outages) {
    o.start = row[p++];
    o.length = row[p++];
  }
  h.more_clients.resize(static_cast<std::size_t>(s.more_clients));
  for (auto& more : h.more_clients) put_client(s, row, p, more);
  return h;
}

void take_client(const Habits& h, std::vector<Minutes>& row) {
  for (const auto& d : h.days) row.insert(row.end(), {d.on_offset, d.session, Minutes{d.away}});
  row.insert(row.end(), h.program_delays.begin(), h.program_delays.end());
  for (const bool f : h.init_fails) row.push_back(f);
}

std::vector<Minutes> row_of(const Habits& h) {
  std::vector<Minutes> row;
  take_client(h, row);
  for (const auto& o : h.outages) row.insert(row.end(), {o.start, o.length});
  for (const auto& more : h.more_clients) take_client(more, row);
  return row;
}

/// The shrinks of one value, lazily, in the combinators' order (rc::Seq's implementation class).
class Shrinks {
 public:
  Shrinks(std::shared_ptr<const Shape> shape, const Habits& h)
      : shape_(std::move(shape)), row_(row_of(h)), outages_(static_cast<int>(h.outages.size())) {}

  rc::Maybe<Habits> operator()() {
    const auto outages_at = static_cast<std::size_t>(shape_->per_client());
    while (true) {
      if (removing_) {
        if (auto fewer = removals_.next()) return without(*fewer);
        removing_ = false;
      } else if (auto smaller = candidates_.next()) {
        auto row = row_;
        row[at_ - 1] = *smaller;
        return habits_of(*shape_, row, outages_);
      }
      if (at_ == outages_at && !removed_ && outages_ > 0) {
        // Before the outages' numbers: the outages themselves, a run at a time.
        removed_ = removing_ = true;
        std::vector<int> which(static_cast<std::size_t>(outages_));
        for (int k = 0; k < outages_; ++k) which[static_cast<std::size_t>(k)] = k;
        removals_ = rc::shrink::removeChunks(std::move(which));
        continue;
      }
      if (at_ == row_.size()) return rc::Nothing;
      const Range r = shape_->at(at_, outages_);
      candidates_ = rc::shrink::towards(row_[at_], r.lo);
      ++at_;
    }
  }

 private:
  /// The value with only the outages `kept`.
  Habits without(const std::vector<int>& kept) const {
    const auto own = static_cast<std::size_t>(shape_->per_client());
    std::vector<Minutes> row(row_.begin(), row_.begin() + static_cast<std::ptrdiff_t>(own));
    for (const int k : kept)
      row.insert(row.end(), {row_[own + 2 * static_cast<std::size_t>(k)],
                             row_[own + 2 * static_cast<std::size_t>(k) + 1]});
    row.insert(row.end(),
               row_.begin() + static_cast<std::ptrdiff_t>(own + 2 * static_cast<std::size_t>(outages_)),
               row_.end());
    return habits_of(*shape_, row, static_cast<int>(kept.size()));
  }

  std::shared_ptr<const Shape> shape_;
  std::vector<Minutes> row_;
  int outages_;
  std::size_t at_ = 0;  ///< the next number whose shrinks to take; candidates_ are number at_ - 1's
  rc::Seq<Minutes> candidates_;
  bool removing_ = false, removed_ = false;
  rc::Seq<std::vector<int>> removals_;
};

/// Numbers from one stream: a coin is a bit of a 64-bit draw; an integer is uniform in its range scaled by
/// the size, as gen::inRange draws it (at size 0 the least of the range, the whole range from kNominalSize).
/// One number of RapidCheck's stream seeds them (splitmix64 from there): its Random hashes a block of four
/// numbers at a time (Threefish), and a kb-q292030 value takes about 55.
class Draws {
 public:
  Draws(const rc::Random& random, int size)
      : state_(rc::Random(random).next()), size_(std::clamp(size, 0, rc::kNominalSize)) {}
  Minutes operator()(const Range& r) {
    if (r.hi == r.lo) return r.lo;
    if (r.boolean) {
      if (bits_left_ == 0) {
        bits_ = next();
        bits_left_ = 64;
      }
      --bits_left_;
      return static_cast<Minutes>((bits_ >> bits_left_) & 1u);
    }
    const auto span = static_cast<std::uint64_t>(r.hi - r.lo);
    const std::uint64_t scaled =
        (span * static_cast<std::uint64_t>(size_) + rc::kNominalSize / 2) / rc::kNominalSize;
    return r.lo + static_cast<Minutes>(next() % (scaled + 1));
  }
  std::uint64_t next() { return checker::splitmix64(state_); }

 private:
  std::uint64_t state_;
  int size_;
  std::uint64_t bits_ = 0;
  int bits_left_ = 0;
};

/// One client's numbers, in the row's order, straight into its habits.
void draw_client(const Shape& s, Draws& draw, Habits& h) {
  h.days.resize(static_cast<std::size_t>(s.days));
  for (auto& d : h.days) {
    d.on_offset = draw(s.on_offset);
    d.session = draw(s.session);
    d.away = draw(s.away) != 0;
  }
  h.program_delays.resize(static_cast<std::size_t>(s.programs));
  for (auto& delay : h.program_delays) delay = draw(s.delay);
  h.init_fails.resize(static_cast<std::size_t>(s.start_ups));
  for (std::size_t k = 0; k < h.init_fails.size(); ++k) h.init_fails[k] = draw(kCoin) != 0;
}

}  // namespace

rc::Gen<Habits> habits_gen(const Config& c) {
  auto shape = std::make_shared<const Shape>(shape_of(c));
  return rc::Gen<Habits>([shape](const rc::Random& random, int size) {
    Draws draw(random, size);
    Habits h;
    draw_client(*shape, draw, h);
    // As many outages as the envelope allows, each number of them as likely.
    if (shape->max_outages > 0)
      h.outages.resize(draw.next() % static_cast<std::uint64_t>(shape->max_outages + 1));
    for (auto& o : h.outages) {
      o.start = draw(shape->outage_start);
      o.length = draw(shape->outage_length);
    }
    h.more_clients.resize(static_cast<std::size_t>(shape->more_clients));
    for (auto& more : h.more_clients) draw_client(*shape, draw, more);
    return rc::shrinkable::shrinkRecur(std::move(h),
                                       [shape](const Habits& v) { return rc::makeSeq<Shrinks>(shape, v); });
  });
}

namespace {

/// One client's days as events for client `client`.
void client_days(const Config& c, const Habits& h, int client, std::vector<ScheduleEvent>& events) {
  const auto& e = c.env;
  Minutes previous_off = -1;
  int away_in_a_row = 0;
  for (std::size_t d = 0; d < h.days.size(); ++d) {
    const bool away = d > 0 && h.days[d].away && away_in_a_row < e.max_days_off;
    away_in_a_row = away ? away_in_a_row + 1 : 0;
    if (away) continue;
    const Minutes on = static_cast<Minutes>(d) * kMinutesPerDay + e.on_from + h.days[d].on_offset;
    if (on <= previous_off) continue;  // the PC is still on: the user finds it running
    const Minutes up = on + c.model.boot_minutes;
    const Minutes session = e.min_session + h.days[d].session;
    events.push_back({on, EnvAction::power_on, MifResult::Success, 0, client});
    // The last start-up of the day is the last program's restart, if one restarts the PC; the session limits
    // count from there (the envelope's min_session / max_session after any start-up).
    Minutes last_start = up;
    if (d == 0) {
      // Each program finishes while the PC is up, inside its window when the session allows.
      for (int p = 0; p < c.programs(); ++p) {
        const ProgramWindow& w = e.programs[static_cast<std::size_t>(p)];
        const Minutes delay = h.program_delays[static_cast<std::size_t>(p)];
        Minutes at = std::clamp(up + std::min(delay, session), w.from, w.until - 1);
        at = std::max(at, up);
        events.push_back(
            {at, EnvAction::program_finishes, c.model.programs[static_cast<std::size_t>(p)].mif, p, client});
        if (restarts_computer(c.model.programs[static_cast<std::size_t>(p)].after_running))
          last_start = std::max(last_start, at + c.model.shutdown_minutes + c.model.boot_minutes);
      }
    }
    if (!e.user_powers_off) break;
    Minutes off = std::max(up + session, last_start + e.min_session);
    if (e.max_session > 0) off = std::min(off, last_start + e.max_session);
    const Minutes next_on = static_cast<Minutes>(d + 1) * kMinutesPerDay + e.on_from;
    off = std::min(off, next_on - c.model.shutdown_minutes - 1);
    events.push_back({off, EnvAction::power_off, MifResult::Success, 0, client});
    previous_off = off + c.model.shutdown_minutes;
  }
}

void outcomes(const decltype(Habits::init_fails)& fails, std::vector<InitOutcome>& out) {
  out.clear();
  for (bool f : fails) out.push_back(f ? InitOutcome::failed : InitOutcome::ok);
}

}  // namespace

Schedule schedule_of(const Config& c, const Habits& h) {
  Schedule s;
  schedule_of(c, h, s);
  return s;
}

void schedule_of(const Config& c, const Habits& h, Schedule& s) {
  const auto& e = c.env;
  // A power-on and a power-off a day, every program, two events an outage: at most one allocation.
  std::size_t events = 2 * h.days.size() + h.program_delays.size();
  for (const auto& more : h.more_clients) events += 2 * more.days.size() + more.program_delays.size();
  s.events.clear();
  s.events.reserve(events + 2 * h.outages.size());
  client_days(c, h, 0, s.events);
  s.client_init.resize(h.more_clients.size());
  for (std::size_t k = 0; k < h.more_clients.size(); ++k) {
    client_days(c, h.more_clients[k], static_cast<int>(k + 1), s.events);
    outcomes(h.more_clients[k].init_fails, s.client_init[k]);
  }
  for (const auto& o : h.outages) {
    s.events.push_back({o.start, EnvAction::cap_outage_started});
    s.events.push_back({o.start + o.length, EnvAction::cap_outage_ended});
  }
  // One client's days come in time order; only other clients' days and outages need the sort (which takes a
  // buffer even for sorted events).
  const auto by_time = [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at < b.at; };
  if (!std::is_sorted(s.events.begin(), s.events.end(), by_time))
    std::stable_sort(s.events.begin(), s.events.end(), by_time);
  outcomes(h.init_fails, s.init);
  s.init_otherwise = InitOutcome::ok;
  s.horizon =
      static_cast<Minutes>(h.days.size() + (e.user_powers_off ? 0 : habit_days(c) - 1)) * kMinutesPerDay;
}

}  // namespace cqm
