//! Every transcript file in `tests/transcripts/`, one test each: the person's steps run
//! through the pure core, and the bot's answers compared with the file
//! (`support::check`). `UPDATE_EXPECT=1` writes the answers into the files instead.

use crate::support::check::{check, dir};

/// One test per file: `name` runs `tests/transcripts/name.txt`.
macro_rules! transcripts {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*
        /// The files that have a test above.
        const LISTED: &[&str] = &[$(stringify!($name)),*];
    };
}

transcripts![
    buttons_break_leaves_start_live,
    buttons_break_mid_session,
    buttons_double_tap_done,
    buttons_left_leg_under_typed_answer,
    buttons_leftover_start,
    buttons_old_usual_pain_scale,
    buttons_ticks_in_a_row,
    buttons_unstamped_data,
    cancel_first_intake,
    cancel_first_intake_de,
    cancel_retest,
    cancel_settings,
    cancel_settings_de,
    dates_far_pause_refused,
    dates_far_pause_stored,
    dates_pause_next_year,
    dates_session_after_now,
    dates_this_year,
    echoes_rtl_city,
    echoes_rtl_command,
    intake_age_bands,
    intake_buttons,
    intake_equipment_typed_de,
    intake_not_understood,
    intake_number_words,
    intake_number_words_de,
    intake_over_fifty_typed,
    intake_prone_internally_rotated,
    intake_prone_outward_instructions,
    intake_prone_over_fifty_tapped,
    intake_red_flag,
    intake_retest_side_by_side,
    intake_start_in_the_middle,
    intake_strong_test_pain,
    intake_tests_skipped_and_painful,
    intake_typed_then_tests_tapped,
    profile_shows_everything,
    ranges_refused,
    ranges_refused_de,
    red_flags_commands_keep_ticks,
    red_flags_confirm_typed_yes_no,
    red_flags_done_with_nothing_ticked,
    red_flags_no_goes_back,
    red_flags_nothing_named,
    red_flags_side_trip,
    red_flags_some_denied,
    red_flags_typed_confirmed,
    red_flags_typed_denials,
    review_off,
    review_off_de,
    review_quiet,
    review_quiet_de,
    review_week,
    review_week_de,
    reminders_nothing_planned,
    rhythm_already_moved,
    rhythm_already_moved_de,
    rhythm_breaks_off_on,
    rhythm_coming_back,
    rhythm_coming_back_de,
    rhythm_breaks_off_on_de,
    rhythm_breaks_on_asks_hours,
    rhythm_breaks_on_asks_hours_de,
    rhythm_less_often,
    rhythm_less_often_answered,
    rhythm_less_often_de,
    rhythm_night_shift,
    rhythm_quiet_swallows_session,
    rhythm_quiet_swallows_session_de,
    rhythm_vacation,
    rhythm_vacation_de,
    rhythm_night_shift_de,
    rhythm_no_fixed_hours,
    rhythm_no_fixed_hours_de,
    rhythm_no_fixed_hours_words,
    safety_after_check_only_later_counts,
    safety_age_corrected_keeps_hold,
    safety_age_question_for_adults,
    safety_all_tests_skipped,
    safety_big_drop_asks,
    safety_change_under_ten_degrees,
    safety_check_same_minute_as_stop,
    safety_check_told_in_words,
    safety_cut_short_by_sign,
    safety_first_test_all_skipped,
    safety_german_sign_and_denial,
    safety_minor_hold_not_cleared,
    safety_morning_decision_and_session,
    safety_morning_stop_referral_alone,
    safety_no_at_confirmation,
    safety_no_naming_sign,
    safety_no_to_confirmation_answers,
    safety_painful_retest_holds,
    safety_progress_side_by_side,
    safety_red_flag_at_intake_holds,
    safety_retest_measures_nothing,
    safety_retest_sets_level_and_track,
    safety_second_yes_keeps_hold,
    safety_sign_at_zone_question,
    safety_sign_in_message_confirmed,
    safety_sign_mid_session,
    safety_sign_waiting_not_dropped,
    safety_something_else_while_it_hurts,
    safety_stale_morning_question,
    safety_stop_rule_holds,
    safety_symptoms_command,
    safety_symptoms_in_settings,
    safety_today_mid_tests,
    safety_two_age_edits_keep_stop,
    safety_typed_something_else,
    safety_under_eighteen,
    selftest_measured_by_phone,
    selftest_typed_buttons,
    session_bad_input_keeps_place,
    session_easier_without_equipment,
    session_it_hurts_easier,
    session_morning_owed,
    session_pain_over_five_stops,
    session_stop_for_today,
    session_walkthrough,
    settings_change_one_answer,
    settings_list,
    settings_list_de,
    setup_at_intake,
    setup_at_safety_question,
    setup_at_training_days,
    setup_at_zone_question,
    setup_stopped_by_pain,
    setup_with_program,
    setup_with_program_no_equipment,
    start_again,
    start_decline,
    start_forged_buttons,
    start_german,
    start_happy_path,
    start_location,
    start_lost_state,
    start_stranger,
    start_typed_consent,
    start_unexpected_input,
    start_zone_change,
    start_zone_no,
    start_zone_unknown,
    start_zone_ways,
    talk_at_the_zone_question,
    talk_german,
    talk_help_thanks_hello,
    talk_pain_words,
    talk_stop_before_setup,
    talk_stop_german,
    talk_stop_offers_choices,
    talk_unknown_reasks,
    texts_match_the_facts,
    texts_match_the_facts_de,
    training_days_from_before,
    training_days_in_settings,
    training_days_mid_intake_update,
    training_days_ticked,
    training_days_too_few,
    training_days_typed,
    zone_abbreviations,
    zone_abbreviations_de,
    zone_city_forms,
    zone_countries_and_phrases,
    zone_city_forms_de,
    zone_near_miss,
    zone_near_miss_de,
];

/// A file without a test would never run: every file in the folder is listed above.
#[test]
fn every_transcript_file_is_listed() {
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir()).expect("tests/transcripts") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if !LISTED.contains(&name.as_str()) {
                missing.push(name);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "add these to `transcripts![…]` in tests/core/transcripts.rs: {missing:?}"
    );
}
