//! Lists of indices per owner, stored flat (the claims of each place, the places of each
//! claim...): one allocation however many owners, so a pass over 100k owners streams through
//! memory instead of chasing 100k pointers.

/// For owners `0..n`, each owner's items, in one flat array with start offsets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatIndex {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl FlatIndex {
    /// Groups `(owner, item)` pairs for owners `0..owners`, keeping the pairs' order per owner;
    /// pairs whose owner is out of range are dropped.
    ///
    /// ```
    /// # use briefmap::flat_index::FlatIndex;
    /// let index = FlatIndex::from_pairs(3, vec![(2, 7), (0, 5), (2, 1)]);
    /// assert_eq!(index.get(0), &[5]);
    /// assert_eq!(index.get(1), &[] as &[u32]);
    /// assert_eq!(index.get(2), &[7, 1]);
    /// ```
    pub fn from_pairs(owners: usize, mut pairs: Vec<(usize, usize)>) -> Self {
        pairs.retain(|&(owner, _)| owner < owners);
        // Stable: each owner's items stay in the order they were given.
        pairs.sort_by_key(|&(owner, _)| owner);
        let mut starts = Vec::with_capacity(owners + 1);
        let mut at = 0;
        for owner in 0..owners {
            starts.push(at as u32);
            while at < pairs.len() && pairs[at].0 == owner {
                at += 1;
            }
        }
        starts.push(at as u32);
        Self { starts, items: pairs.into_iter().map(|(_, item)| item as u32).collect() }
    }

    /// Builds the index from each owner's list in turn.
    pub fn from_lists<'a>(lists: impl IntoIterator<Item = &'a [u32]>) -> Self {
        let mut index = Self { starts: vec![0], items: Vec::new() };
        for list in lists {
            index.items.extend_from_slice(list);
            index.starts.push(index.items.len() as u32);
        }
        index
    }

    /// The index the other way round: for items `0..items`, their owners (in owner order).
    ///
    /// ```
    /// # use briefmap::flat_index::FlatIndex;
    /// let claims_of_place = FlatIndex::from_pairs(2, vec![(0, 1), (1, 1), (1, 0)]);
    /// let places_of_claim = claims_of_place.inverted(2);
    /// assert_eq!(places_of_claim.get(0), &[1]);
    /// assert_eq!(places_of_claim.get(1), &[0, 1]);
    /// ```
    pub fn inverted(&self, items: usize) -> Self {
        let pairs =
            (0..self.len()).flat_map(|owner| self.get(owner).iter().map(move |&i| (i as usize, owner))).collect();
        Self::from_pairs(items, pairs)
    }

    /// The items of `owner` (empty when out of range).
    pub fn get(&self, owner: usize) -> &[u32] {
        match (self.starts.get(owner), self.starts.get(owner + 1)) {
            (Some(&a), Some(&z)) => &self.items[a as usize..z as usize],
            _ => &[],
        }
    }

    /// Puts `items` in place of `owner`'s items (an owner out of range is left alone): one
    /// owner changed costs a move of the items after it, not a rebuild.
    ///
    /// ```
    /// # use briefmap::flat_index::FlatIndex;
    /// let mut index = FlatIndex::from_pairs(3, vec![(0, 5), (1, 6), (2, 7)]);
    /// index.set(1, &[8, 9]);
    /// assert_eq!(index, FlatIndex::from_pairs(3, vec![(0, 5), (1, 8), (1, 9), (2, 7)]));
    /// ```
    pub fn set(&mut self, owner: usize, items: &[u32]) {
        let (Some(&a), Some(&z)) = (self.starts.get(owner), self.starts.get(owner + 1)) else { return };
        self.items.splice(a as usize..z as usize, items.iter().copied());
        let grown = items.len() as i64 - (z - a) as i64;
        for start in &mut self.starts[owner + 1..] {
            *start = (*start as i64 + grown) as u32;
        }
    }

    /// How many owners there are.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no owners.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
