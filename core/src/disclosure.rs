//! The audit behind disclosure control: can any combination of published
//! sums isolate fewer than the minimum number of respondents?
//!
//! Every figure the group report prints (a mean over a set of respondents,
//! with its `n`) is a published sum over that set. Respondents who belong to
//! exactly the same published sets are indistinguishable: they form a
//! *cell*, described by a bit mask of the sets they belong to. A linear
//! combination of the published sums gives away the sum of a group of cells
//! `S` exactly when some vector of the row space of the membership matrix is
//! non-zero only on `S`; that is the case when removing the columns of `S`
//! lowers the rank. Statistical offices call this auditing linked tables.
//!
//! A leak is any such `S` with fewer than `min` respondents: with one
//! respondent, the answer itself; with two, either of them learns the other's.

use std::collections::BTreeMap;

/// The most published sets one audit handles (bits of a `u64`); beyond it
/// the caller withholds figures instead of auditing.
pub(crate) const MAX_SETS: usize = 64;

/// The most cell groups one audit tries before it calls the layout a leak
/// (conservative: the caller then withholds a figure and tries again).
const MAX_TRIES: usize = 20_000;

/// Whether some combination of the `sets` published sums isolates a group
/// of fewer than `min` respondents. `cells` maps a membership mask (bit `k`
/// set: the cell is in published set `k`) to how many respondents share it.
pub(crate) fn leaks(cells: &BTreeMap<u64, usize>, sets: usize, min: usize) -> bool {
    if min <= 1 || sets == 0 {
        return false;
    }
    let columns: Vec<(u64, usize)> = cells
        .iter()
        .filter(|(mask, n)| **mask != 0 && **n > 0)
        .map(|(mask, n)| (*mask, *n))
        .collect();
    let full = rank(&columns, sets, &[]);
    // Small cells, and groups of them, that hold fewer than `min` people.
    let small: Vec<usize> = (0..columns.len()).filter(|&c| columns[c].1 < min).collect();
    let mut tries = 0;
    let mut chosen = Vec::new();
    search(
        &columns,
        sets,
        min,
        full,
        &small,
        0,
        0,
        &mut chosen,
        &mut tries,
    )
}

#[allow(clippy::too_many_arguments)]
fn search(
    columns: &[(u64, usize)],
    sets: usize,
    min: usize,
    full: usize,
    small: &[usize],
    from: usize,
    people: usize,
    chosen: &mut Vec<usize>,
    tries: &mut usize,
) -> bool {
    for at in from..small.len() {
        let c = small[at];
        let total = people + columns[c].1;
        if total >= min {
            continue;
        }
        *tries += 1;
        if *tries > MAX_TRIES {
            return true;
        }
        chosen.push(c);
        if rank(columns, sets, chosen) < full
            || search(
                columns,
                sets,
                min,
                full,
                small,
                at + 1,
                total,
                chosen,
                tries,
            )
        {
            return true;
        }
        chosen.pop();
    }
    false
}

/// The rank of the membership matrix (rows: published sets; columns: cells,
/// without `skip`), by Gaussian elimination. Entries are 0 or 1 and the
/// matrix is small, so floating point with a tolerance is exact enough.
fn rank(columns: &[(u64, usize)], sets: usize, skip: &[usize]) -> usize {
    let kept: Vec<u64> = columns
        .iter()
        .enumerate()
        .filter(|(c, _)| !skip.contains(c))
        .map(|(_, (mask, _))| *mask)
        .collect();
    let mut rows: Vec<Vec<f64>> = (0..sets)
        .map(|k| {
            kept.iter()
                .map(|mask| if mask >> k & 1 == 1 { 1.0 } else { 0.0 })
                .collect()
        })
        .collect();
    let mut rank = 0;
    for col in 0..kept.len() {
        let Some(pivot) = (rank..rows.len())
            .max_by(|&a, &b| rows[a][col].abs().total_cmp(&rows[b][col].abs()))
            .filter(|&r| rows[r][col].abs() > 1e-9)
        else {
            continue;
        };
        rows.swap(rank, pivot);
        let pivot_row = rows[rank].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r != rank {
                let factor = row[col] / pivot_row[col];
                if factor != 0.0 {
                    for (value, p) in row.iter_mut().zip(&pivot_row).skip(col) {
                        *value -= factor * p;
                    }
                }
            }
        }
        rank += 1;
        if rank == rows.len() {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(list: &[(u64, usize)]) -> BTreeMap<u64, usize> {
        list.iter().copied().collect()
    }

    #[test]
    fn a_total_with_disjoint_rows_leaks_only_a_small_rest() {
        // Set 0: the total; set 1: Druten (3); set 2: Wijchen (3).
        // Beuningen (1) is in the total only.
        let layout = cells(&[(0b011, 3), (0b101, 3), (0b001, 1)]);
        assert!(leaks(&layout, 3, 3));
        // Merged with Druten into one shown row (set 1): no leak.
        let merged = cells(&[(0b011, 4), (0b101, 3)]);
        assert!(!leaks(&merged, 3, 3));
    }

    #[test]
    fn a_role_row_against_a_municipality_complement_leaks() {
        // The breaker's layout A: set 0 total (7), set 1 Druten (3
        // ambtenaren), set 2 bestuurders (Wijchen, Beuningen, Heumen: 3).
        // The Wijchen raadslid is in the total only: 7·T − 3·D − 3·B.
        let layout = cells(&[(0b011, 3), (0b101, 3), (0b001, 1)]);
        assert!(leaks(&layout, 3, 3));
    }

    #[test]
    fn overlapping_rows_that_differ_by_one_each_way_leak_to_an_insider() {
        // Layout B: total 7; Druten row (bestuurder + 3 ambtenaren); the
        // ambtenaren row (3 from Druten + 1 from Wijchen).
        // Cells: Druten bestuurder {0,1}: 1; Druten ambtenaren {0,1,2}: 3;
        // Wijchen ambtenaar {0,2}: 1; Wijchen and Beuningen bestuurders {0}: 2.
        let layout = cells(&[(0b011, 1), (0b111, 3), (0b101, 1), (0b001, 2)]);
        assert!(leaks(&layout, 3, 3));
        // Without the role row: fine.
        let without = cells(&[(0b011, 4), (0b001, 3)]);
        assert!(!leaks(&without, 2, 3));
    }

    #[test]
    fn large_cells_are_safe_and_a_minimum_of_one_never_leaks() {
        let layout = cells(&[(0b011, 5), (0b101, 4), (0b001, 3)]);
        assert!(!leaks(&layout, 3, 3));
        assert!(!leaks(&cells(&[(0b001, 1)]), 1, 1));
    }
}
