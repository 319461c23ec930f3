#pragma once
// The exhaustive explorer's store in tree mode: exact, as StateStore, in a fraction of its memory, by tree
// compression (Blom, van de Pol, Weber 2009; Laarman, van de Pol, Weber, "Parallel Recursive State
// Compression for Free", SPIN 2011).
//
// A key of W words is the leaves of a fixed binary tree (the root pairs a balanced tree of the first words
// with one of the others, split as the model says): a word is a bottom node (the pair of its
// two 32-bit halves), every other node the pair of its children's 32-bit node indices. Every node below the
// root is interned once in a node table (pair -> index, given in order, never changed); a state is its root
// pair in a root table. Keys that share a subtree share its node, so a state differing from stored ones in a
// few words adds only the nodes above those words, often none: on real state spaces nodes grow far slower
// than states. A state costs its root slot (9.4-11.4 bytes), its parent link (6 bytes, in memory, as
// StateStore) and its share of nodes (14.2-16 bytes each).
//
// Exact, with no trusted hash: a pair gets an index only after a lookup compared all 64 bits of the pairs in
// its way, so an index stands for one pair; by induction over the tree, the value at a position for one part
// of a key, and the root pair for one key: equal keys have equal roots, distinct keys distinct roots.
//
// The root table holds roots, not state numbers (nothing asks for a released state's key): a set of 64-bit
// pairs placed by the pair itself (checker/compact_tables.hpp), 8 bytes a root at 70-85 % load. The node
// table keeps 5 slots (a 64-bit pair, its 32-bit index) to a 64-byte line: 90 % full, a lookup still reads
// about one line. The key is split where the model says (key_split(): its clock and environment apart from
// its machines), so that each part's nodes are shared across the values of the other.
//
// Incremental insertion, as LTSmin: a successor is inserted while its parent is in the frontier, whose keys
// are kept (as FingerprintStore keeps them, till release_before) with their node indices; only the nodes
// above the words that differ from the parent's key are looked up, the others are the parent's.
//
// Honest memory: a new state adds at most one node per position below the root (2W - 2), a duplicate none, so
// reserve_for(more) makes room for 2W - 2 nodes an insert, and the inserts then allocate nothing.
// Pessimistic, but the tables grow geometrically: for a large table the worst case of a group is a small
// margin, not a doubling (for a small one, a floor: 1 MiB for 4096 inserts of 9 words). A table under
// kDoublingBytes at least doubles, so a small search does not rehash at every round. Every size is on a fixed
// grid (detail::on_grid), so where a large table ends does not depend on where its doubling stopped.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

#include "checker/compact_tables.hpp"
#include "checker/state_store.hpp"

namespace cqm::checker {

namespace detail {
/// The least size on the grid m * 2^e (m in 8..15) at or above n; n itself up to 16. Twice a grid size is
/// one.
inline std::size_t on_grid(std::size_t n) {
  if (n <= 16) return n;
  const int shift = std::bit_width(n) - 4;  // n >> shift is in 8..15
  const std::size_t m = n >> shift;
  return ((m << shift) == n ? m : m + 1) << shift;
}
}  // namespace detail

class TreeStore {
 public:
  static constexpr std::uint32_t kNoParent = StateStore::kNoParent;
  using Growth = StateStore::Growth;

  /// `split`: the root pairs the tree of words [0, split) with the tree of [split, words). A model whose key
  /// has a part that varies apart from the rest (a clock) says where it ends (Model::key_split()): the root
  /// then pairs the two parts, and each part's nodes are shared across the other's values. 0: the middle.
  explicit TreeStore(std::size_t words, std::size_t split = 0)
      : words_(words), inner_(words ? 2 * words - 2 : 0) {
    if (words == 0) throw std::invalid_argument("tree store: a key needs at least one word");
    if (split == 0 || split >= words) split = words / 2;
    if (words == 1)
      shape(0, 1);
    else
      shape_root(split);
    for (Staged& st : staged_) {
      st.value.resize(shape_.size());
      st.changed.resize(shape_.size());
      st.pair.resize(shape_.size());
      st.home.resize(shape_.size());
    }
    roots_.rehash(detail::ValueSet::slots_for(0));
    if (inner_) nodes_.rehash(kFirstBuckets, node_home);
  }

  std::size_t words() const { return words_; }
  std::size_t size() const { return size_; }
  /// Inner nodes stored (all positions below the root).
  std::size_t nodes() const { return node_count_; }
  /// The key of state i: only states of the layer being expanded and later ones are kept (release_before).
  const std::uint64_t* key(std::uint32_t i) const { return &keys_[(std::size_t{i} - first_kept_) * words_]; }

  bool insert(const std::uint64_t* k, std::uint32_t parent, std::uint16_t choice) {
    if (room_ == 0) reserve_for(1);  // only when called beyond what was reserved
    stage(k, &parent, 1);
    return commit(k, parent, choice, staged_[0]);
  }
  /// The same, as the other stores take it: a root is placed by itself, not by the key's hash.
  bool insert(const std::uint64_t* k, std::uint64_t /*hash*/, std::uint32_t parent, std::uint16_t choice) {
    return insert(k, parent, choice);
  }
  /// insert() of n successors in order, keys k, k + words(), ..., parents and choices succ[i].parent and
  /// .choice, kBatch at a time: a batch's nodes are interned position by position, every key's lookup at a
  /// position fetched before any is made, so that the batch's cache misses overlap instead of following one
  /// another up each key's tree (a lookup waits for its children's; on the 10^8-state search, staging was
  /// 38 % of the inserting thread's time). Then their roots are fetched together and committed in order.
  /// The same states, numbers, parents and node count as n inserts: a node gets an index once whichever key
  /// brings it first, so only which index it gets can differ, and nothing is numbered by node indices. Room
  /// for n inserts is made first (reserve_for).
  template <class Successor>
  void insert_run(const std::uint64_t* k, const Successor* succ, std::size_t n) {
    if (room_ < n) reserve_for(n);
    std::array<std::uint32_t, kBatch> parents;
    for (std::size_t at = 0; at < n; at += kBatch) {
      const std::size_t m = std::min(kBatch, n - at);
      for (std::size_t b = 0; b < m; ++b) parents[b] = succ[at + b].parent;
      stage(k + at * words_, parents.data(), m);
      for (std::size_t b = 0; b < m; ++b)
        commit(k + (at + b) * words_, succ[at + b].parent, succ[at + b].choice, staged_[b]);
    }
  }

  /// The explorer has expanded every state before `first`: their keys and node indices are dropped.
  void release_before(std::uint32_t first) {
    first = static_cast<std::uint32_t>(std::min<std::size_t>(first, size_));
    if (first <= first_kept_) return;
    const std::size_t gone = first - first_kept_;
    keys_.erase(keys_.begin(), keys_.begin() + static_cast<std::ptrdiff_t>(gone * words_));
    frontier_nodes_.erase(frontier_nodes_.begin(),
                          frontier_nodes_.begin() + static_cast<std::ptrdiff_t>(gone * inner_));
    first_kept_ = first;
    room_ = room();
  }

  /// What reserve_for(more) would leave the store holding, and the most held on the way (a table and its
  /// replacement side by side while one is rehashed into the other), in reserve_for's order.
  Growth growth_for(std::size_t more) const {
    Growth g{bytes(), bytes()};
    const auto grow = [&g](std::uint64_t now, std::uint64_t then) { g.replace(now, then); };
    parents_.grow(g, size_ + more);
    choices_.grow(g, size_ + more);
    grow(nodes_.bytes(), detail::BucketTable::bytes_for(node_buckets_for(more)));
    grow(roots_.bytes(), detail::ValueSet::bytes_for(root_slots_for(more)));
    grow(keys_.capacity() * 8, frontier_capacity(keys_.capacity(), words_, more) * 8);
    grow(frontier_nodes_.capacity() * 4, frontier_capacity(frontier_nodes_.capacity(), inner_, more) * 4);
    return g;
  }
  /// Makes room for `more` inserts (new or not) that then allocate nothing: the explorer checks growth_for()
  /// against its memory cap first.
  void reserve_for(std::size_t more) {
    parents_.reserve(size_ + more);
    choices_.reserve(size_ + more);
    if (const std::size_t n = node_buckets_for(more); n != nodes_.buckets()) nodes_.rehash(n, node_home);
    if (const std::size_t n = root_slots_for(more); n != roots_.slots()) roots_.rehash(n);
    keys_.reserve(frontier_capacity(keys_.capacity(), words_, more));
    frontier_nodes_.reserve(frontier_capacity(frontier_nodes_.capacity(), inner_, more));
    room_ = room();
  }

  /// Keys that can still be added without moving the frontier's keys, which the explorer's other threads
  /// read (key()) while one thread inserts: an insert or reserve_for within it moves no key.
  std::size_t key_room() const { return keys_.capacity() / words_ - kept(); }
  /// Makes key_room() at least `more` (growth_for(more) counts it).
  void reserve_keys(std::size_t more) {
    keys_.reserve(frontier_capacity(keys_.capacity(), words_, more));
    room_ = room();
  }

  /// The choices from the initial state to state i.
  std::vector<std::uint16_t> path_to(std::uint32_t i) const {
    std::vector<std::uint16_t> path;
    for (; parents_[i] != kNoParent; i = parents_[i]) path.push_back(choices_[i]);
    return {path.rbegin(), path.rend()};
  }

  /// Bytes per stored state, SPIN-style: the root and node tables, parent links (the frontier's keys come and
  /// go with the layers).
  std::uint64_t bytes_used() const { return std::uint64_t{size_} * 6 + roots_.bytes() + nodes_.bytes(); }
  /// The tables' sizes: the roots' slots and the nodes' buckets (on detail::on_grid's grid once grown).
  std::pair<std::size_t, std::size_t> table_sizes() const { return {roots_.slots(), nodes_.buckets()}; }
  /// Bytes held (capacities, the frontier's keys and node indices included; --max-memory compares this).
  std::uint64_t bytes() const {
    return parents_.bytes() + choices_.bytes() + roots_.bytes() + nodes_.bytes() + keys_.capacity() * 8 +
           frontier_nodes_.capacity() * 4;
  }

 private:
  struct Position {
    std::uint32_t left, right;  ///< children's positions; for a word: the word's index, twice
    bool word;
  };
  static constexpr std::size_t kFirstBuckets = 256;
  static constexpr std::size_t kMax = UINT32_MAX - 1;  ///< states or nodes: 32-bit numbers, one kept free

  // Post-order: children before their parent, the root last. Words split in halves, so the tree is balanced
  // and a bottom node is a whole word (compared and looked up as one 64-bit value).
  std::uint32_t shape(std::size_t lo, std::size_t hi) {
    const auto word = static_cast<std::uint32_t>(lo);
    if (hi - lo == 1) {
      shape_.push_back({word, word, true});
    } else {
      const std::uint32_t left = shape(lo, lo + (hi - lo) / 2);
      shape_.push_back({left, shape(lo + (hi - lo) / 2, hi), false});
    }
    return static_cast<std::uint32_t>(shape_.size() - 1);
  }
  void shape_root(std::size_t split) {
    const std::uint32_t left = shape(0, split);
    const std::uint32_t right = shape(split, words_);
    shape_.push_back({left, right, false});
  }
  /// One insert's work up to its root: each position's node index (value), whether it differs from the
  /// parent's (changed), and for a changed one the pair looked up and its bucket.
  struct Staged {
    std::vector<std::uint32_t> value;
    std::vector<char> changed;
    std::vector<std::uint64_t> pair;
    std::vector<std::size_t> home;
    const std::uint64_t* parent_key = nullptr;    ///< null: no parent in the frontier
    const std::uint32_t* parent_nodes = nullptr;  ///< its node indices
    std::uint64_t root = 0;
  };
  /// Keys staged together by insert_run (a batch's lookups at one position are in flight at once).
  static constexpr std::size_t kBatch = 16;
  /// Stages the m (≤ kBatch) keys k, k + words(), ... with those parents into staged_[0, m).
  void stage(const std::uint64_t* k, const std::uint32_t* parents, std::size_t m);
  bool commit(const std::uint64_t* k, std::uint32_t parent, std::uint16_t choice, const Staged& st);

  // A node is placed by its pair, mixed by Murmur3's finalizer (every bit of the pair moves the high bits).
  static std::size_t node_home(std::uint64_t x, std::uint32_t, std::size_t buckets) {
    x = (x ^ (x >> 33)) * 0xFF51AFD7ED558CCDull;
    x = (x ^ (x >> 33)) * 0xC4CEB9FE1A85EC53ull;
    x ^= x >> 33;
    return static_cast<std::size_t>((static_cast<unsigned __int128>(x) * buckets) >> 64);
  }

  // Pair 0 (a zero word, or twice node 0) is never in the table, whose free slots are 0: its index is aside.
  std::uint32_t intern(std::uint64_t node, std::size_t home) {
    const auto fresh = [this] {
      if (node_count_ >= kMax) throw std::length_error("tree store full (4 billion nodes)");
      return static_cast<std::uint32_t>(node_count_++);
    };
    if (node == 0) {
      if (zero_node_ == 0) zero_node_ = fresh() + 1;
      return zero_node_ - 1;
    }
    return nodes_.find_or_add(node, home, fresh).first;
  }
  // Likewise root 0 (a zero key of one word, or twice node 0) is a flag.
  bool add_root(std::uint64_t root) {
    if (size_ >= kMax) throw std::length_error("state store full (4 billion states)");
    if (root != 0) return roots_.add(root);
    if (zero_root_) return false;
    return zero_root_ = true;
  }

  // Tables grow when 90 % full, to 80 % full.
  static std::size_t limit(std::size_t slots) { return slots / 10 * 9; }
  static std::size_t buckets_for(std::size_t count) {
    return std::max(kFirstBuckets, (count / 4 * 5 + 5) / detail::BucketTable::kWays + 1);
  }
  // A small table at least doubles when it grows: grown to just what a round needs, a search of a few
  // thousand states rehashed its tables a dozen times (4 M of the KB search's 60 M instructions). A large one
  // grows to what is needed, so that a search near the memory cap does not double past it.
  static constexpr std::uint64_t kDoublingBytes = 64ull << 20;
  // Sizes are rounded up to a fixed grid (detail::on_grid), which doubling keeps to: the sizes a large table
  // passes through, and where it ends, do not depend on where the doubling stopped. Without the grid that
  // shifted the large tables' sizes by up to 1.125x (the 10^8 run's peak rose 13 %).
  std::size_t node_buckets_for(std::size_t more) const {
    const std::size_t count = nodes() + more * inner_;
    if (!inner_ || count <= limit(nodes_.slots())) return nodes_.buckets();
    return detail::on_grid(
        std::max(buckets_for(count), nodes_.bytes() < kDoublingBytes ? 2 * nodes_.buckets() : 0));
  }
  std::size_t root_slots_for(std::size_t more) const {
    const std::size_t count = size_ + more;
    if (count <= detail::ValueSet::limit(roots_.slots())) return roots_.slots();
    return detail::on_grid(std::max(detail::ValueSet::slots_for(count),
                                    roots_.bytes() < kDoublingBytes ? 2 * roots_.slots() : 0));
  }
  std::size_t kept() const { return size_ - first_kept_; }
  // The frontier's arrays double, as a vector would (they are copied when they grow, so not by less).
  std::size_t frontier_capacity(std::size_t capacity, std::size_t per_state, std::size_t more) const {
    const std::size_t needed = (kept() + more) * per_state;
    return needed <= capacity ? capacity : std::max(needed, capacity * 2);
  }
  // Inserts that fit in what is allocated: a state and its nodes (up to inner_) in every array and table.
  std::size_t room() const {
    const auto left = [](std::size_t have, std::size_t used) { return have > used ? have - used : 0; };
    std::size_t r =
        std::min({left(detail::ValueSet::limit(roots_.slots()), size_), left(parents_.capacity(), size_),
                  left(choices_.capacity(), size_), left(keys_.capacity() / words_, kept())});
    if (inner_)
      r = std::min({r, left(limit(nodes_.slots()), nodes()) / inner_,
                    left(frontier_nodes_.capacity() / inner_, kept())});
    return r;
  }

  std::size_t words_;
  std::size_t inner_;  ///< nodes below the root: 2 words - 2
  std::vector<Position> shape_;
  std::size_t size_ = 0;
  std::size_t room_ = 0;
  std::size_t node_count_ = 0;
  std::uint32_t first_kept_ = 0;
  std::uint32_t zero_node_ = 0;  ///< pair 0's index + 1, 0 while it has none
  bool zero_root_ = false;
  detail::BlockArray<std::uint32_t> parents_;
  detail::BlockArray<std::uint16_t> choices_;
  detail::BucketTable nodes_;                  ///< pair -> node index
  detail::ValueSet roots_;                     ///< the roots
  std::vector<std::uint64_t> keys_;            ///< the frontier's keys, from first_kept_
  std::vector<std::uint32_t> frontier_nodes_;  ///< and their inner node indices, inner_ each
  std::array<Staged, kBatch> staged_;          ///< scratch: a batch's positions
};

// With the parent in the frontier, only the positions above a changed word are looked up. The words' lookups
// are independent: all are fetched first. Then, position by position, every key's lookup there is fetched
// before any is made: a position's pair needs its children's indices, but the keys' chains are independent.
inline void TreeStore::stage(const std::uint64_t* k, const std::uint32_t* parents, std::size_t m) {
  const std::size_t top = shape_.size() - 1;
  const std::size_t buckets = nodes_.buckets();
  const auto pair = [](const Staged& st, const Position& s) {
    return std::uint64_t{st.value[s.left]} << 32 | st.value[s.right];
  };
  for (std::size_t b = 0; b < m; ++b) {
    Staged& st = staged_[b];
    const std::uint32_t parent = parents[b];
    const bool near = parent != kNoParent && parent >= first_kept_ && parent < size_;
    st.parent_key = near ? key(parent) : nullptr;
    st.parent_nodes = near ? frontier_nodes_.data() + (std::size_t{parent} - first_kept_) * inner_ : nullptr;
    const std::uint64_t* key_b = k + b * words_;
    for (std::size_t p = 0; p <= top; ++p) {
      const Position& s = shape_[p];
      if (!s.word) continue;
      st.changed[p] = !near || key_b[s.left] != st.parent_key[s.left];
      if (!st.changed[p] || p == top) continue;  // a key of one word is its own root
      st.pair[p] = key_b[s.left];
      nodes_.prefetch(st.home[p] = node_home(st.pair[p], 0, buckets));
    }
  }
  for (std::size_t p = 0; p < top; ++p) {
    const Position& s = shape_[p];
    if (!s.word)
      for (std::size_t b = 0; b < m; ++b) {
        Staged& st = staged_[b];
        st.changed[p] = st.changed[s.left] || st.changed[s.right];
        if (!st.changed[p]) continue;
        st.pair[p] = pair(st, s);
        nodes_.prefetch(st.home[p] = node_home(st.pair[p], 0, buckets));
      }
    for (std::size_t b = 0; b < m; ++b) {
      Staged& st = staged_[b];
      st.value[p] = st.changed[p] ? intern(st.pair[p], st.home[p]) : st.parent_nodes[p];
    }
  }
  const Position& root = shape_[top];
  for (std::size_t b = 0; b < m; ++b) {
    Staged& st = staged_[b];
    if (!root.word) st.changed[top] = st.changed[root.left] || st.changed[root.right];
    st.root = root.word ? k[b * words_] : pair(st, root);
    if (st.changed[top]) roots_.prefetch(st.root);
  }
}

inline bool TreeStore::commit(const std::uint64_t* k, std::uint32_t parent, std::uint16_t choice,
                              const Staged& st) {
  if (!st.changed[shape_.size() - 1]) return false;  // the parent's own key
  if (!add_root(st.root)) return false;
  --room_;
  parents_.push_back(parent);
  choices_.push_back(choice);
  keys_.insert(keys_.end(), k, k + words_);  // k is not a kept key(j): those are all stored
  frontier_nodes_.insert(frontier_nodes_.end(), st.value.begin(),
                         st.value.begin() + static_cast<std::ptrdiff_t>(inner_));
  ++size_;
  return true;
}

}  // namespace cqm::checker
