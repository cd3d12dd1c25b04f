//! DOM evidence: reasons the markup gives outright (HTML only; text units
//! carry no flags).

use crate::article::Reason;
use crate::segment::flag;

/// Flags of a box that is not article text.
const BOX: u32 = flag::BOXES;

/// Reasons the markup gives outright (HTML only; text units carry no flags).
pub(crate) fn reason_of(f: u32) -> Option<Reason> {
    if f == 0 {
        return None;
    }
    let strong_content = f & (flag::IN_ARTICLE | flag::CLS_CONTENT) != 0;
    // A box inside the article (an inline "related" list, a share bar): out
    // of the body, but not the article's end, as it would be on a text dump.
    let boxed = f & BOX != 0;
    if boxed && f & flag::IN_CONTAINER != 0 && f & flag::OUT_MAIN == 0 {
        return Some(if f & flag::CLS_SHARE != 0 {
            Reason::ShareWidget
        } else if f & flag::CLS_AD != 0 {
            Reason::Advertisement
        } else if f & (flag::CLS_NEWSLETTER | flag::CLS_COOKIE) != 0 {
            Reason::Newsletter
        } else {
            Reason::Boilerplate
        });
    }
    let r = if f & flag::CLS_COOKIE != 0 {
        Reason::CookieNotice
    } else if f & flag::CLS_NEWSLETTER != 0 {
        Reason::Newsletter
    } else if f & flag::CLS_SHARE != 0 {
        Reason::ShareWidget
    } else if f & flag::CLS_AD != 0 {
        Reason::Advertisement
    } else if f & flag::CLS_COMMENT != 0 {
        Reason::CommentPrompt
    } else if f & flag::CLS_RELATED != 0 {
        Reason::Related
    } else if f & flag::IN_NAV != 0 || f & flag::CLS_NAV != 0 {
        Reason::Navigation
    } else if f & (flag::IN_FOOTER | flag::CLS_FOOTER) != 0 && !strong_content {
        Reason::Footer
    } else if f & (flag::IN_FORM | flag::IN_BUTTON) != 0 && !strong_content {
        Reason::Navigation
    } else if f & flag::IN_ASIDE != 0 && !strong_content {
        Reason::Boilerplate
    } else if f & flag::CLS_BYLINE != 0 || f & flag::CLS_META != 0 {
        Reason::Metadata
    } else if f & flag::IN_CAPTION != 0 {
        Reason::Caption
    } else if f & flag::CLS_CREDIT != 0 {
        Reason::PhotoCredit
    } else if f & flag::OUT_MAIN != 0 {
        Reason::Boilerplate
    } else {
        return None;
    };
    Some(r)
}
