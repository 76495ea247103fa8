//! The warning signs as words, in English and German: the data `read::symptoms` matches.
//! A word ending or starting in `*` matches any word that starts or ends so.

use crate::core::values::profile::RedFlag;

/// How the words of one sign are found.
pub enum Spec {
    /// Any of these words.
    Any(&'static str),
    /// These words one after another, each `a|b|c`.
    Seq(&'static [&'static str]),
    /// A word of the first list at most `n` words from one of the second.
    Near(&'static str, &'static str, usize),
}

const PAIN: &str = "pain pains painful hurt hurts hurting ache aches aching achy sore soreness \
    throb* *schmerz* weh wehtut wehtun wehgetan";
const NIGHT: &str =
    "night nights nighttime nightly overnight midnight nacht nachts *nacht nächtlich*";
const WAKE: &str = "wake wakes woke woken waking awake awakens wach wache wacht aufwach* \
    aufgewacht erwache* erwacht weck* *weckt aufwecken";
const SLEEP: &str = "sleep sleeps sleeping slept schlaf* durchschlaf*";
const JOINT: &str = "knee knees kneecap hip hips joint joints leg legs knie kniescheibe hüfte \
    hüften *gelenk gelenk* bein beine";
const LIMB: &str =
    "leg legs foot feet toe toes thigh calf bein beine fuß füße zeh zehen oberschenkel wade";
/// How far apart two words that name a sign together may stand (ours).
const NEAR: usize = 3;
const NEAR_NIGHT: usize = 5;

pub const SPECS: &[(RedFlag, Spec)] = &[
    // Sharp or worsening pain.
    (
        RedFlag::SharpPain,
        Spec::Any(
            "sharp sharper sharpest stabbing stab stabs stech* sticht worse worsening worsened \
                worsen worsens schlimmer verschlimmer* verschlechter* einschieß* einschiess*",
        ),
    ),
    (
        RedFlag::SharpPain,
        Spec::Near(
            "shooting searing knife knifelike scharf* zunehmend* increasing intensifying worst \
                stärker stärkere*",
            PAIN,
            NEAR,
        ),
    ),
    // Swelling.
    (
        RedFlag::Swelling,
        Spec::Any(
            "swell swells swelled swelling swellings swollen puffy puffiness effusion *schwellung* \
                geschwollen* angeschwollen* aufgeschwollen* schwillt anschwell* schwellen *erguss* \
                *ergüsse*",
        ),
    ),
    (
        RedFlag::Swelling,
        Spec::Near("dick dicke dicker dickes dicken", JOINT, NEAR),
    ),
    (
        RedFlag::Swelling,
        Spec::Near("water fluid wasser flüssigkeit", JOINT, NEAR),
    ),
    // Locking or giving way.
    (
        RedFlag::LockingOrGivingWay,
        Spec::Any(
            "lock locks locked locking buckle buckles buckled buckling unstable instability \
                blockier* blockade blockaden klemmt hakt verhakt wegknick* weggeknickt instabil*",
        ),
    ),
    (
        RedFlag::LockingOrGivingWay,
        Spec::Seq(&["give|gives|gave|giving|given", "way|out"]),
    ),
    (
        RedFlag::LockingOrGivingWay,
        Spec::Seq(&["gibt|gab|geben|gegeben", "nach"]),
    ),
    (
        RedFlag::LockingOrGivingWay,
        Spec::Near("knickt knickte knicken knickst", "weg", NEAR),
    ),
    (
        RedFlag::LockingOrGivingWay,
        Spec::Near("stuck catches catching jams jammed", JOINT, NEAR),
    ),
    // Numbness or tingling.
    (
        RedFlag::Numbness,
        Spec::Any(
            "numb numbness numbed numbing numbly tingle tingles tingled tingling tingly taub taube \
                tauber taubes taubem tauben *taubheit* kribbel* kribbl* *kribbeln ameisenlaufen \
                gefühllos* pelzig* prickel* prickl*",
        ),
    ),
    (RedFlag::Numbness, Spec::Seq(&["pins", "and", "needles"])),
    (RedFlag::Numbness, Spec::Seq(&["pins", "needles"])),
    (RedFlag::Numbness, Spec::Seq(&["can't|cant|cannot", "feel"])),
    (RedFlag::Numbness, Spec::Seq(&["can", "not", "feel"])),
    (RedFlag::Numbness, Spec::Seq(&["no", "feeling"])),
    (
        RedFlag::Numbness,
        Spec::Seq(&["lost|lose|losing", "feeling"]),
    ),
    (RedFlag::Numbness, Spec::Seq(&["loss", "of", "feeling"])),
    (RedFlag::Numbness, Spec::Seq(&["kein|keinerlei", "gefühl"])),
    (
        RedFlag::Numbness,
        Spec::Near("asleep eingeschlafen", LIMB, NEAR),
    ),
    // Pain at night.
    (RedFlag::NightPain, Spec::Any("*nachtschmerz*")),
    (RedFlag::NightPain, Spec::Near(NIGHT, PAIN, NEAR_NIGHT)),
    (RedFlag::NightPain, Spec::Near(NIGHT, WAKE, NEAR_NIGHT)),
    (RedFlag::NightPain, Spec::Near(WAKE, PAIN, NEAR_NIGHT)),
    (RedFlag::NightPain, Spec::Near(SLEEP, PAIN, NEAR_NIGHT)),
    // A recent injury or surgery.
    (
        RedFlag::InjuryOrSurgery,
        Spec::Any(
            "injury injuries injured injure surgery surgeries surgical operation operations \
                operated op postop arthroscopy arthroscopic sprain sprained fracture fractured \
                dislocated dislocation torn tore ruptured rupture accident accidents crash crashed \
                fell fallen twisted *verletz* operier* *operation* eingriff arthroskop* \
                *spiegelung *unfall* *unfälle* sturz stürze gestürzt hingefallen umgeknickt \
                verdreht verstaucht verstauchung prellung gebrochen bruch knochenbruch beinbruch \
                *bandriss *bänderriss meniskusriss *faserriss sehnenriss riss gerissen zerrung \
                *prothese tep ausgerenkt luxation ausgekugelt",
        ),
    ),
    (
        RedFlag::InjuryOrSurgery,
        Spec::Seq(&["a|bad|hard|nasty|serious", "fall"]),
    ),
    (
        RedFlag::InjuryOrSurgery,
        Spec::Seq(&["fall|falls|falling", "down|off|over"]),
    ),
    (RedFlag::InjuryOrSurgery, Spec::Seq(&["hurt", "myself|my"])),
    (
        RedFlag::InjuryOrSurgery,
        Spec::Seq(&["twist|twisting", "my"]),
    ),
    (RedFlag::InjuryOrSurgery, Spec::Seq(&["new", "hip|knee"])),
    (
        RedFlag::InjuryOrSurgery,
        Spec::Near(
            "tear tears",
            "meniscus ligament ligaments acl mcl pcl muscle tendon cartilage",
            NEAR,
        ),
    ),
    (
        RedFlag::InjuryOrSurgery,
        Spec::Near("replacement replaced prosthesis implant", JOINT, NEAR),
    ),
];
