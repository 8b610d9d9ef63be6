//! A catalogue of weapon systems relevant to the briefing, with published nominal ranges.
//!
//! Ranges are the round figures found in open sources around 2016; they are for drawing
//! illustrative rings, not for targeting or engagement analysis. Each entry names the munition
//! the figure refers to, where it comes from, and what it leaves out.

use geo::Point;
use serde::Serialize;

use super::SpatialError;
use super::ring::RangeRing;

/// What sort of system a catalogue entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SystemKind {
    /// A surface-to-surface ballistic missile (range = how far it can strike).
    BallisticMissile,
    /// A multiple-launch rocket system (range = how far its rockets strike).
    Mlrs,
    /// A surface-to-air missile system (range = engagement range against aircraft).
    Sam,
    /// A ballistic-missile interceptor (range = a rough defended footprint, see the caveat).
    Interceptor,
}

impl SystemKind {
    /// A short label for tables and legends.
    pub fn label(self) -> &'static str {
        match self {
            SystemKind::BallisticMissile => "ballistic missile",
            SystemKind::Mlrs => "MLRS",
            SystemKind::Sam => "SAM",
            SystemKind::Interceptor => "interceptor",
        }
    }
}

/// One preset system: a nominal range and where the figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeaponSystem {
    /// Stable kebab-case id, used in briefing files and on the command line.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Nominal range, km: the ring radius.
    pub range_km: f64,
    /// What kind of system it is.
    pub kind: SystemKind,
    /// The missile or rocket the range refers to.
    pub munition: &'static str,
    /// Where the figure comes from.
    pub source: &'static str,
    /// What the figure does not tell you.
    pub caveat: &'static str,
}

impl WeaponSystem {
    /// A ring of this system's nominal range around `centre`.
    pub fn ring(&self, centre: Point<f64>) -> Result<RangeRing, SpatialError> {
        RangeRing::new(centre, self.range_km)
    }
}

const SAM_CAVEAT: &str = "Maximum engagement range against large aircraft at favourable \
altitude; much less against low-flying or small targets. Not a ground-strike range.";

/// The preset catalogue, in the order the UI should list it.
const CATALOGUE: &[WeaponSystem] = &[
    WeaponSystem {
        id: "iskander-m",
        name: "Iskander-M",
        range_km: 500.0,
        kind: SystemKind::BallisticMissile,
        munition: "9M723 short-range ballistic missile",
        source: "Declared maximum range 500 km (Russian MoD and KBM statements; e.g. Sputnik, \
                 April 2017: \"up to 500 kilometers\"), i.e. just under the INF Treaty's \
                 500-5,500 km band.",
        caveat: "Declared figure; Western governments later argued the related 9M729 cruise \
                 missile exceeds 500 km. Range says nothing about deployment: in May 2016 \
                 Iskanders were discussed for, not based in, Belarus.",
    },
    WeaponSystem {
        id: "tochka-u",
        name: "Tochka-U",
        range_km: 120.0,
        kind: SystemKind::BallisticMissile,
        munition: "9M79-1 tactical ballistic missile",
        source: "Nominal 120 km for the 9K79-1 Tochka-U (standard reference works; Belarus \
                 fields the system).",
        caveat: "Older Soviet system; minimum range ~15 km.",
    },
    WeaponSystem {
        id: "palanez",
        name: "Palanez (Polonez) MLRS",
        range_km: 200.0,
        kind: SystemKind::Mlrs,
        munition: "A200 guided rocket (Chinese-designed, 301 mm)",
        source: "50-200 km per the Belarusian Security Council and State Military-Industrial \
                 Committee (naviny.by, 10 June 2016: \"range of about 200 km\").",
        caveat: "2016 figure; the later Polonez-M (2023) is credited with up to 300 km.",
    },
    WeaponSystem {
        id: "s-300ps",
        name: "S-300PS/PT",
        range_km: 90.0,
        kind: SystemKind::Sam,
        munition: "5V55R family (75 km; later 5V55 variants up to 90 km)",
        source: "Common reference figure for S-300P with 5V55R missiles (e.g. en.wikipedia \
                 'S-300 missile system'); Belarus received its fourth S-300PS battalion from \
                 Russia in May 2016 (BelTA via defenseworld.net, 6 May 2016).",
        caveat: SAM_CAVEAT,
    },
    WeaponSystem {
        id: "s-400",
        name: "S-400 (48N6DM)",
        range_km: 250.0,
        kind: SystemKind::Sam,
        munition: "48N6DM missile",
        source: "250 km with the 48N6 family per Almaz-Antey/Russian MoD figures as widely \
                 reported; see `s-400-40n6` for the 400 km claim.",
        caveat: SAM_CAVEAT,
    },
    WeaponSystem {
        id: "s-400-40n6",
        name: "S-400 (40N6, claimed)",
        range_km: 400.0,
        kind: SystemKind::Sam,
        munition: "40N6 very-long-range missile",
        source: "The headline \"400 km\" in Russian statements refers to the 40N6.",
        caveat: "The 40N6 was not in service in 2016 (declared operational later); 400 km \
                 only against large, high-flying targets. Prefer `s-400` for 2016.",
    },
    WeaponSystem {
        id: "tor-m2",
        name: "Tor-M2",
        range_km: 15.0,
        kind: SystemKind::Sam,
        munition: "9M338K missile (Tor-M2 series)",
        source: "Nominal ~15 km engagement range (manufacturer figures as reported); Belarus \
                 bought Tor-M2 batteries from 2011.",
        caveat: SAM_CAVEAT,
    },
    WeaponSystem {
        id: "sm-3-ib",
        name: "SM-3 Block IB (defended area)",
        range_km: 700.0,
        kind: SystemKind::Interceptor,
        munition: "RIM-161 SM-3 Block IB interceptor",
        source: "~700 km engagement range as commonly cited for SM-3 Block I (e.g. CSIS \
                 Missile Threat); Block IB deployed at Aegis Ashore Deveselu, Romania, 2016.",
        caveat: "Very rough illustrative radius only: what an interceptor defends depends on \
                 the threat's trajectory, radar cueing and timelines, and is not a circle \
                 around the launcher.",
    },
    WeaponSystem {
        id: "sm-3-iia",
        name: "SM-3 Block IIA (defended area)",
        range_km: 1200.0,
        kind: SystemKind::Interceptor,
        munition: "RIM-161 SM-3 Block IIA interceptor",
        source: "Published figures vary from ~1,200 km (press reports on Aegis Ashore \
                 Redzikowo) to 2,500 km (CSIS Missile Threat); planned for Redzikowo, Poland, \
                 in 2018 (operational only in 2024).",
        caveat: "Very rough illustrative radius only (see SM-3 IB); the lower published \
                 figure is used.",
    },
];

/// All preset systems.
pub fn catalogue() -> &'static [WeaponSystem] {
    CATALOGUE
}

/// The system with this id (case-insensitive), or an error listing the known ids.
pub fn find_system(id: &str) -> Result<&'static WeaponSystem, SpatialError> {
    CATALOGUE.iter().find(|s| s.id.eq_ignore_ascii_case(id.trim())).ok_or_else(|| SpatialError::UnknownSystem {
        id: id.to_string(),
        known: CATALOGUE.iter().map(|s| s.id).collect::<Vec<_>>().join(", "),
    })
}

/// A ring around `centre` from a preset and/or a radius: the preset's nominal range, or `km` when
/// given (it overrides the preset's, as in "Iskander-M at 400 km"). Returns the preset too, for
/// headings and source notes.
pub fn resolve_ring(
    centre: Point<f64>,
    system: Option<&str>,
    km: Option<f64>,
) -> Result<(RangeRing, Option<&'static WeaponSystem>), SpatialError> {
    let system = system.map(find_system).transpose()?;
    let radius = km.or(system.map(|s| s.range_km)).ok_or(SpatialError::NoRadius)?;
    Ok((RangeRing::new(centre, radius)?, system))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = HashSet::new();
        for s in catalogue() {
            assert!(seen.insert(s.id), "duplicate id {}", s.id);
            assert!(
                s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                s.id
            );
        }
    }

    #[test]
    fn ranges_are_positive_and_drawable() {
        for s in catalogue() {
            assert!(s.range_km > 0.0, "{}", s.id);
            assert!(s.ring(Point::new(26.0458, 53.0944)).is_ok(), "{}", s.id);
            assert!(!s.source.is_empty() && !s.caveat.is_empty(), "{}", s.id);
        }
    }

    #[test]
    fn the_briefs_systems_are_all_present() {
        for id in ["iskander-m", "tochka-u", "palanez", "s-300ps", "s-400", "tor-m2", "sm-3-ib", "sm-3-iia"] {
            assert!(find_system(id).is_ok(), "{id} missing");
        }
        assert_eq!(find_system("Iskander-M").unwrap().range_km, 500.0);
    }

    #[test]
    fn resolved_rings_take_the_presets_range_unless_overridden() {
        let at = Point::new(26.0458, 53.0944);
        let (ring, system) = resolve_ring(at, Some("iskander-m"), None).unwrap();
        assert_eq!((ring.radius_km(), system.map(|s| s.id)), (500.0, Some("iskander-m")));
        let (ring, system) = resolve_ring(at, Some("tochka-u"), Some(70.0)).unwrap();
        assert_eq!((ring.radius_km(), system.map(|s| s.id)), (70.0, Some("tochka-u")));
        let (ring, system) = resolve_ring(at, None, Some(42.0)).unwrap();
        assert_eq!((ring.radius_km(), system), (42.0, None));
        assert_eq!(resolve_ring(at, None, None), Err(SpatialError::NoRadius));
        assert!(matches!(resolve_ring(at, Some("scud"), Some(300.0)), Err(SpatialError::UnknownSystem { .. })));
        assert!(matches!(resolve_ring(at, None, Some(0.0)), Err(SpatialError::InvalidRadius { .. })));
    }

    #[test]
    fn unknown_system_error_lists_the_catalogue() {
        let err = find_system("scud").unwrap_err().to_string();
        assert!(err.contains("`scud`") && err.contains("iskander-m, tochka-u"), "{err}");
    }
}
