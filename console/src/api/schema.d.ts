// Generated from mobile_api_spec/openapi.yaml by `npm run api-types`; do not edit.
export interface paths {
    "/api/v1/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where this API's spec and documentation are */
        get: operations["getIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/location-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read whose location, newest first */
        get: operations["getLocationAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries by status; `dead` (the default) are those that gave up */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/{delivery_id}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead delivery again */
        post: operations["requeueNotificationDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/pending-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance awaiting an officer because it rests on late uploads (confirm it to approve them) */
        get: operations["listAttendancePendingReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: revoke this session's access and refresh tokens
         * @description Also clears the refresh cookie of a browser that signed in with refresh_token_in=cookie.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair of tokens
         * @description Send the refresh token as the bearer token, or, with no Authorization header, let the browser send its refresh cookie together with the header X-CSRF-TOKEN holding the patrol_refresh_csrf cookie's value; the new refresh token goes back where the old one came from. Each refresh token works once (TOKEN_REVOKED: a refresh token used twice ends its session), but the one just replaced, sent again within 10 seconds (two browser tabs refreshing at once), gets the same new refresh token.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with phone and password */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        /** Read a calendar feed by its secret URL */
        get: operations["getCalendarFeedFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        /** Check a volunteer-hours certificate by its number (no sign-in): genuine or not, for whom and for what */
        get: operations["checkCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List check-ins of your station's patrols; `review=pending` is what awaits review */
        get: operations["listCheckIns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkins/{checkin_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                checkin_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Approve or reject a flagged check-in (a later decision may reverse an earlier one; both are kept) */
        patch: operations["reviewCheckIn"];
        trace?: never;
    };
    "/api/v1/checkins/{checkin_id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                checkin_id: number;
            };
            cookie?: never;
        };
        /** Every decision taken on a check-in, oldest first, with who took it and their note */
        get: operations["getCheckInReviewHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The location consent policy in force: its version and its text in Korean and English */
        get: operations["getConsentPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your registered devices */
        get: operations["listDevices"];
        put?: never;
        /** Register this phone's FCM token, or refresh it (call on every app start) */
        post: operations["registerDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop pushes to this token (call on sign-out) */
        delete: operations["deleteDevice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your background exports, newest first */
        get: operations["listExportJobs"];
        put?: never;
        /** Start a background export of a report file, for files too large to download at once */
        post: operations["createExportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export-jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: number;
            };
            cookie?: never;
        };
        /** How far one of your background exports is */
        get: operations["getExportJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export-jobs/{job_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: number;
            };
            cookie?: never;
        };
        /** Download a finished background export */
        get: operations["downloadExportJobFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the volunteer groups of your station */
        get: operations["listGroups"];
        put?: never;
        /** Create a volunteer group */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: number;
            };
            cookie?: never;
        };
        /** Show one volunteer group */
        get: operations["getGroup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{group_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: number;
            };
            cookie?: never;
        };
        /** List a group's members (station staff and the group's own members) */
        get: operations["listGroupMembers"];
        put?: never;
        /** Add a member; group leaders may add members but not appoint leaders */
        post: operations["addGroupMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{group_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member, or leave the group yourself */
        delete: operations["removeGroupMember"];
        options?: never;
        head?: never;
        /** Make a member the group's leader, or no longer (admins, station chiefs, coordinators) */
        patch: operations["updateGroupMember"];
        trace?: never;
    };
    "/api/v1/locations:batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload up to 1,000 buffered points, in any order, retrying with the same ids */
        post: operations["uploadLocationBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your profile, groups and location consent */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open your calendar feed, or replace its secret URL
         * @description Calling it again gives a new URL and ends the old one at once.
         */
        post: operations["openMyCalendarFeed"];
        /** Close your calendar feed: its URL stops working */
        delete: operations["closeMyCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Consent to location collection during patrols under the current policy version */
        post: operations["giveConsent"];
        /** Withdraw location consent */
        delete: operations["withdrawConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What you have muted */
        get: operations["getNotificationPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Mute or unmute reminders and new-patrol announcements */
        patch: operations["updateNotificationPreferences"];
        trace?: never;
    };
    "/api/v1/me/patrols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Patrols you are on: upcoming first, then past ones, each with where you stand */
        get: operations["listMyPatrols"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/patrols/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published patrols you may still join */
        get: operations["listOpenPatrols"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the patrols you may see, soonest first */
        get: operations["listPatrols"];
        put?: never;
        /** Create a draft patrol, or a series of them with `recurrence` */
        post: operations["createPatrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        /** Show one patrol */
        get: operations["getPatrol"];
        put?: never;
        post?: never;
        /** Delete a draft patrol */
        delete: operations["deletePatrol"];
        options?: never;
        head?: never;
        /** Change a patrol (or it and the later occurrences of its series) */
        patch: operations["updatePatrol"];
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        /** Attendance of a patrol, derived from check-ins and points (volunteers: their own) */
        get: operations["getPatrolAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Confirm attendance after the patrol, correcting status, minutes or notes where needed */
        patch: operations["confirmPatrolAttendance"];
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/attendance/changes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        /** Every correction made to the patrol's attendance, with its author */
        get: operations["listAttendanceChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/broadcast": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tell everyone on the patrol something now (station chief, or an officer on it) */
        post: operations["broadcastToPatrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a patrol, telling everyone on it */
        post: operations["cancelPatrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check in at a patrol from the phone */
        post: operations["checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/check-out": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check out of a patrol from the phone */
        post: operations["checkOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/dwell": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        /** Minutes each person spent in each zone of the patrol (and route coverage) */
        get: operations["getPatrolDwell"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        /**
         * Who is on the patrol: check-in state, last position and zones
         * @description Staff of the patrol's station family see everyone; a volunteer on the patrol sees only their own row. Every other person's location shown is logged.
         */
        get: operations["getLiveBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/officers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an officer of the station (to this occurrence or the following ones too) */
        post: operations["addPatrolOfficer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/officers/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take an officer off a patrol (this occurrence, or the following ones they hold too) */
        delete: operations["removePatrolOfficer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/participants/{user_id}/track": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        /**
         * A participant's points on the patrol, oldest first
         * @description Staff read anyone on the patrol, a volunteer only themself. Reading another person's track is logged.
         */
        get: operations["getParticipantTrack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft: the invited groups can now sign up */
        post: operations["publishPatrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        /** Who is confirmed, waitlisted and assigned, and what is still missing */
        get: operations["getPatrolRoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/sign-in-sheet.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        /** A printable sign-in sheet of a patrol's people, with their unit or group and arrival time */
        get: operations["getSignInSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/signups": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up yourself, or (group leaders) a member of your group */
        post: operations["signUpForPatrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/signups/me": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw from a patrol */
        delete: operations["withdrawMySignup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{patrol_id}/signups/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw someone (yourself, a member of your group, or anyone as station chief) */
        delete: operations["removePatrolSignup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self) */
        get: operations["getAttendanceReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/attendance.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self), as a CSV file */
        get: operations["downloadAttendanceReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/attendance.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self), as a PDF file */
        get: operations["downloadAttendanceReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/attendance.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self), as a XLSX file */
        get: operations["downloadAttendanceReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/volunteer-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirmed and approved volunteer minutes per person and group for a month */
        get: operations["getVolunteerHoursReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/volunteer-hours.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirmed and approved volunteer minutes per person and group for a month, as a CSV file */
        get: operations["downloadVolunteerHoursReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/volunteer-hours.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirmed and approved volunteer minutes per person and group for a month, as a PDF file */
        get: operations["downloadVolunteerHoursReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/volunteer-hours.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirmed and approved volunteer minutes per person and group for a month, as a XLSX file */
        get: operations["downloadVolunteerHoursReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/volunteer-hours/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approvals of your station's groups, standing and revoked, newest month first */
        get: operations["listHoursApprovals"];
        put?: never;
        /** Approve a group's volunteer hours for a month that has ended; they are locked from then on */
        post: operations["approveHours"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/volunteer-hours/approvals/{approval_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                approval_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an approval with a reason (admins): the month unlocks and its certificates stop being current */
        post: operations["revokeHoursApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/zone-coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presence per zone, night minutes and last visit; zones nobody visited come first */
        get: operations["getZoneCoverageReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/zone-coverage.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presence per zone, night minutes and last visit; zones nobody visited come first, as a CSV file */
        get: operations["downloadZoneCoverageReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/zone-coverage.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presence per zone, night minutes and last visit; zones nobody visited come first, as a PDF file */
        get: operations["downloadZoneCoverageReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/zone-coverage.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presence per zone, night minutes and last visit; zones nobody visited come first, as a XLSX file */
        get: operations["downloadZoneCoverageReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List SOS alerts, newest first
         * @description Responders (staff of the station family, admins) see the family's alerts; anyone else their own. Every other person's alert read is written to the location-access log.
         */
        get: operations["listSosAlerts"];
        put?: never;
        /** Raise an SOS from the phone of someone on a patrol */
        post: operations["raiseSos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sos/{alert_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        /**
         * An SOS alert with its timeline: presses, escalation and repeats, pushes, acknowledgement, end
         * @description Responders and the raiser; the read is logged when it is someone else's alert.
         */
        get: operations["getSosAlert"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sos/{alert_id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an SOS: the raiser's phone is told who is coming (a retry by the same person answers the same) */
        post: operations["acknowledgeSos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sos/{alert_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel your own SOS as a false alarm; everyone alerted is told (a retry answers the same) */
        post: operations["cancelSos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sos/{alert_id}/positions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send where you are while your SOS runs, every few seconds, retrying with the same ids */
        post: operations["sendSosPositions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sos/{alert_id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an SOS with its outcome */
        post: operations["resolveSos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the stations you may see */
        get: operations["listStations"];
        put?: never;
        /** Create a station or a 지구대/파출소 under one (admins) */
        post: operations["createStation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{station_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        /** Show one station */
        get: operations["getStation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set the station's patrol rules and phone number (its own chief, or an admin) */
        patch: operations["updateStation"];
        trace?: never;
    };
    "/api/v1/stations/{station_id}/sos-incidents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        /** A station's SOS incidents of a month: who called, who was told, who took it, how it ended */
        get: operations["listSosIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{station_id}/sos-incidents.csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        /** A station's SOS incidents of a month: who called, who was told, who took it, how it ended, as a CSV file */
        get: operations["downloadSosIncidentsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{station_id}/sos-incidents.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        /** A station's SOS incidents of a month: who called, who was told, who took it, how it ended, as a XLSX file */
        get: operations["downloadSosIncidentsXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the people you may see */
        get: operations["listUsers"];
        put?: never;
        /** Create an account (admins, station chiefs, coordinators) */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        /** Show one person */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an account; `is_active: false` deactivates it and ends its sessions
         * @description A new password ends the person's other sessions and their calendar feed URL. Your own needs current_password; a manager resets someone else's without it.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the zones of your station as a FeatureCollection */
        get: operations["listZones"];
        put?: never;
        /** Create a zone from a GeoJSON Feature */
        post: operations["createZone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a FeatureCollection of zones, all or nothing */
        post: operations["importZones"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/{zone_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                zone_id: number;
            };
            cookie?: never;
        };
        /** Show one zone as a GeoJSON Feature */
        get: operations["getZone"];
        put?: never;
        post?: never;
        /** Delete a zone */
        delete: operations["deleteZone"];
        options?: never;
        head?: never;
        /**
         * Change a zone's geometry or properties
         * @description Send geometry and/or properties. Free properties merge into the stored ones and a free property set to null is removed; set corridor_m to null when a route becomes another kind. The merged zone must still fit its kind. id, created_at and updated_at are set by the server and refused here.
         */
        patch: operations["updateZone"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApproveHours: {
            group_id: number;
            /** @example 2026-11 */
            month: string;
        };
        Attendance: {
            /**
             * Format: date-time
             * @description When these figures were last derived from the data: what arrived after is not in them yet (the worker derives it within seconds)
             */
            as_of: string;
            /** Format: date-time */
            checked_in_at: string | null;
            /** Format: date-time */
            checked_out_at: string | null;
            /** Format: date-time */
            confirmed_at: string | null;
            confirmed_by_id: number | null;
            dense_area_minutes: number;
            duty_minutes: number;
            is_corrected: boolean;
            /** @description No check-out: counted to the last point */
            is_duty_end_estimated: boolean;
            /** @description Which facts reached the server late (kept after an officer approved them); while one awaits review the status is pending_review */
            late_facts: ("check_in" | "check_out" | "points")[];
            name: string;
            note: string | null;
            patrol_id: number;
            /** @enum {string} */
            status: "present" | "late" | "left_early" | "no_show" | "excused" | "expected" | "pending_review";
            user_id: number;
            women_safe_minutes: number;
        };
        AttendanceChange: {
            after: {
                [key: string]: unknown;
            };
            before: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            changed_at: string;
            changed_by_id: number | null;
            id: number;
            user_id: number;
        };
        AttendanceEntry: {
            duty_minutes?: number;
            note?: string | null;
            /** @enum {string} */
            status?: "present" | "late" | "left_early" | "no_show" | "excused";
            user_id: number;
        };
        Batch: {
            points: components["schemas"]["Point"][];
        };
        BatchResult: {
            /** @description Stored now */
            accepted: number;
            /** @description Already stored earlier (or twice in this batch): fine */
            duplicates: number;
            /** @description Of those accepted, how many arrived late (PATROL_LATE_UPLOAD_MINUTES after being recorded, or after the patrol ended): kept, but attendance waits for an officer to approve them */
            late: number;
            /** @description Never stored; do not resend */
            rejected: components["schemas"]["RejectedPoint"][];
        };
        Broadcast: {
            /** @example 범계역 3번 출구로 옮깁니다. */
            body: string;
            /** @example 집결지 변경 */
            title: string;
        };
        BroadcastResult: {
            /** @enum {string} */
            status: "queued";
        };
        CalendarFeed: {
            /** Format: date-time */
            created_at: string;
            /**
             * Format: uri
             * @description Secret iCalendar URL; shown only in this answer
             */
            readonly url: string;
        };
        Cancel: {
            /** @example 기상 악화 */
            reason: string;
            /**
             * @description For an occurrence of a series: this one only, or this and the later ones
             * @default this
             * @enum {string}
             */
            scope: "this" | "following";
        };
        CertificateCheck: {
            /** @description Changes after the approval, printed apart (+/-) */
            adjustment_minutes: number;
            /** @description The approved figure printed */
            approved_minutes: number;
            /**
             * @description The holder's name with all but its first and last letters masked
             * @example 한*우
             */
            holder: string;
            /** Format: date-time */
            issued_at: string;
            month: string;
            /** @example 7K3M-9QXD-2HF4-Z */
            number: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** @description The issuing police station */
            station: string;
            /**
             * @description revoked: the approval it printed has been withdrawn
             * @enum {string}
             */
            status: "current" | "revoked";
        };
        CheckIn: {
            /** @description From the meeting point, metres */
            readonly distance_m: number;
            id: number;
            /** @enum {string} */
            kind: "check_in" | "check_out";
            patrol_id: number;
            /** @description Why a check-in is flagged for review; late_upload: received more than PATROL_LATE_UPLOAD_MINUTES after it was recorded or after the patrol ended */
            reasons: ("outside_geofence" | "low_accuracy" | "late_upload")[];
            /** Format: date-time */
            received_at: string;
            /** Format: date-time */
            recorded_at: string;
            /** @enum {string|null} */
            review: "pending" | "approved" | "rejected" | null;
            review_note: string | null;
            /** Format: date-time */
            reviewed_at: string | null;
            reviewed_by_id: number | null;
            /** @enum {string} */
            status: "accepted" | "flagged";
            user_id: number;
            /** @description Patrol zones the fix lies in (within its accuracy) */
            zone_ids: number[];
        };
        CheckInForReview: {
            accuracy_m: number;
            /** @description From the meeting point, metres */
            readonly distance_m: number;
            id: number;
            /** @enum {string} */
            kind: "check_in" | "check_out";
            patrol_id: number;
            /**
             * @description Where the phone was, for the reviewer's map; null once the raw location is erased
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            point: Record<string, never> | null;
            /** @description Why a check-in is flagged for review; late_upload: received more than PATROL_LATE_UPLOAD_MINUTES after it was recorded or after the patrol ended */
            reasons: ("outside_geofence" | "low_accuracy" | "late_upload")[];
            /** Format: date-time */
            received_at: string;
            /** Format: date-time */
            recorded_at: string;
            /** @enum {string|null} */
            review: "pending" | "approved" | "rejected" | null;
            review_note: string | null;
            /** Format: date-time */
            reviewed_at: string | null;
            reviewed_by_id: number | null;
            /** @enum {string} */
            status: "accepted" | "flagged";
            user_id: number;
            user_name: string;
            /** @description Patrol zones the fix lies in (within its accuracy) */
            zone_ids: number[];
        };
        CheckInRequest: {
            /** @description Horizontal accuracy radius; above 100 m the fix is suspect */
            accuracy_m: number;
            /**
             * Format: uuid
             * @description Made once by the phone; resend the same id when retrying
             */
            client_event_id: string;
            /** @example 37.3897 */
            lat: number;
            /** @example 126.9508 */
            lon: number;
            /**
             * Format: date-time
             * @description When the phone took the fix
             */
            recorded_at: string;
        };
        CheckInReview: {
            id: number;
            note: string | null;
            /** @enum {string} */
            review: "pending" | "approved" | "rejected";
            /** Format: date-time */
            reviewed_at: string;
            reviewed_by_id: number | null;
        };
        CodedError: {
            /** @enum {string} */
            code: "BAD_REQUEST" | "MALFORMED_JSON" | "JSON_TOO_DEEP" | "JSON_NUMBER_TOO_LONG" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "FORBIDDEN" | "CSRF_CHECK_FAILED" | "METRICS_ACCESS_DENIED" | "CURRENT_PASSWORD_WRONG" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PHONE_TAKEN" | "PHONE_UNAVAILABLE" | "STATION_CODE_TAKEN" | "GROUP_NAME_TAKEN" | "ALREADY_MEMBER" | "ALREADY_SIGNED_UP" | "SCHEDULE_CONFLICT" | "SOS_ALREADY_ACKNOWLEDGED" | "SOS_CLOSED" | "PAIRING_RULE" | "PATROL_NOT_OPEN" | "PATROL_NOT_EDITABLE" | "PATROL_NOT_DRAFT" | "PATROL_NOT_BROADCASTABLE" | "ZONE_IN_USE" | "CAPACITY_BELOW_CONFIRMED" | "NOT_A_PARTICIPANT" | "CONSENT_REQUIRED" | "SOS_NOT_RAISER" | "SOS_OWN_ALERT" | "NOT_CHECKED_IN" | "CONSENT_POLICY_OUTDATED" | "EXPORT_TOO_LARGE" | "EXPORT_NOT_READY" | "EXPORT_EXPIRED" | "EXPORT_FAILED" | "DELIVERY_NOT_DEAD" | "PATROL_NOT_FINISHED" | "HOURS_ALREADY_APPROVED" | "MONTH_NOT_ENDED" | "APPROVAL_ALREADY_REVOKED" | "HOURS_NOT_APPROVED" | "PATROL_ALREADY_STARTED" | "NOT_FLAGGED" | "NOT_INVITED" | "PAYLOAD_TOO_LARGE" | "URI_TOO_LONG" | "HEADERS_TOO_LARGE" | "VALIDATION_ERROR" | "PASSWORD_TOO_WEAK" | "UNSTORABLE_TEXT" | "TEXT_CONTROL_CHARACTER" | "TEXT_BLANK" | "DATE_OUT_OF_RANGE" | "INVALID_PHONE" | "STATION_OUT_OF_SCOPE" | "STATION_PARENT_INVALID" | "ROLE_NOT_ASSIGNABLE" | "MEMBER_OUTSIDE_STATION" | "CERTIFICATE_PERSON_REQUIRED" | "NOT_A_VOLUNTEER" | "CERTIFICATE_GROUP_REQUIRED" | "CERTIFICATE_NUMBER_INVALID" | "MEMBER_NOT_VOLUNTEER" | "NOT_ON_PATROL" | "OUTSIDE_GEOFENCE" | "OUTSIDE_PATROL_WINDOW" | "SOS_OUTSIDE_WINDOW" | "INVALID_POINT" | "RECORDED_AFTER_PATROL_END" | "DUTY_EXCEEDS_PATROL" | "RECORDED_IN_FUTURE" | "IDEMPOTENCY_MISMATCH" | "PATROL_ENDS_BEFORE_START" | "PATROL_TOO_LONG" | "PATROL_STARTS_IN_PAST" | "MEETING_POINT_OUTSIDE_KOREA" | "ZONE_OUTSIDE_STATION" | "GROUP_OUTSIDE_STATION" | "OFFICER_OUTSIDE_STATION" | "RECURRENCE_INVALID" | "RECURRENCE_UNBOUNDED" | "RECURRENCE_TOO_LONG" | "GEOMETRY_INVALID" | "GEOMETRY_SELF_INTERSECTION" | "GEOMETRY_RING_NOT_CLOSED" | "GEOMETRY_COORDINATES_OUT_OF_RANGE" | "GEOMETRY_HAS_Z" | "GEOMETRY_TYPE_MISMATCH" | "ZONE_OUTSIDE_SERVICE_AREA" | "RATE_LIMITED" | "QUERY_TIMEOUT" | "INTERNAL_ERROR" | "CONSOLE_NOT_BUILT" | "SERVICE_UNAVAILABLE";
            /** @description Geometry errors only, when known: [longitude, latitude] positions where the geometry is wrong (where a polygon crosses itself; an open ring's first and last positions) */
            locations?: number[][];
            /** @description The message as in `errors` (English) */
            message: string;
            /** @description Keys leading to the message in `errors`, e.g. ["features", "1", "geometry"] */
            path: string[];
        };
        Confirm: {
            entries: components["schemas"]["AttendanceEntry"][];
        };
        ConflictingPatrol: {
            /** Format: date-time */
            ends_at: string;
            id: number;
            /** Format: date-time */
            starts_at: string;
            title: string;
        };
        Consent: {
            /** Format: date-time */
            granted_at: string;
            /**
             * Format: date-time
             * @description Since when consent has been in force without a break: renewing to a newer policy version carries it on, a withdrawal ends it
             */
            in_force_since: string;
            policy_version: string;
            /** Format: date-time */
            withdrawn_at: string | null;
        };
        ConsentPolicy: {
            /** @description Where an SOS was raised and the positions sent during it are kept this many days */
            incident_retention_days: number;
            /** @description Raw location records are deleted after this many days */
            retention_days: number;
            /** @description The policy to show, in Korean and English */
            text: components["schemas"]["PolicyText"];
            /**
             * @description Send it to POST /me/consents
             * @example 2026-12-sos
             */
            version: string;
        };
        ConsentRequest: {
            /**
             * @description The current version, as GET /consent-policy gives it
             * @example 2026-12-sos
             */
            policy_version: string;
        };
        Delivery: {
            attempts: number;
            /** Format: date-time */
            created_at: string;
            device_id: number | null;
            event_id: number;
            event_type: string;
            fcm_message_id: string | null;
            id: number;
            last_error: string | null;
            /** Format: date-time */
            next_attempt_at: string;
            patrol_id: number | null;
            /** Format: date-time */
            sent_at: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "dead" | "dropped";
            user_id: number;
        };
        Device: {
            app_version: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_seen_at: string;
            /** @enum {string|null} */
            locale: "ko" | "en" | null;
            /** @enum {string} */
            platform: "android" | "ios" | "web";
            token: string;
        };
        DeviceRequest: {
            /** @default null */
            app_version: string | null;
            /**
             * @description Language of the pushes; default: the account's
             * @default null
             * @enum {string|null}
             */
            locale: "ko" | "en" | null;
            /** @enum {string} */
            platform: "android" | "ios" | "web";
            /** @description FCM registration token */
            token: string;
        };
        Dwell: {
            /**
             * Format: date-time
             * @description When these figures were last derived from the data: what arrived after is not in them yet (the worker derives it within seconds)
             */
            as_of: string;
            readonly minutes: number;
            /** @description Safe-return routes: share walked, 0..1 */
            route_coverage: number | null;
            user_id: number;
            zone_id: number;
        };
        ExportError: {
            /** @example EXPORT_FAILED */
            readonly code: string;
            /** @description In the reader's language */
            readonly detail: string;
        };
        ExportJob: {
            /** Format: date-time */
            created_at: string;
            /** @description Why it failed (null unless failed) */
            error: components["schemas"]["ExportError"] | (Record<string, never> | null);
            /**
             * Format: date-time
             * @description When the file is deleted
             */
            expires_at: string | null;
            file_name: string | null;
            /** @description Where to download the file, once done */
            readonly file_url: string | null;
            filters: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            finished_at: string | null;
            /** @enum {string} */
            format: "csv" | "xlsx" | "pdf";
            id: number;
            /** @description 0–99 while running, 100 when done; null while queued or failed */
            readonly percent: number | null;
            /** @enum {string} */
            report: "attendance" | "volunteer-hours" | "zone-coverage";
            rows_done: number;
            /** @description Known once a worker has started the job */
            rows_total: number | null;
            size_bytes: number | null;
            /** Format: date-time */
            started_at: string | null;
            /**
             * @description queued: waiting for a worker; running: rows_done of rows_total written; done: the file is at file_url until expires_at; failed: see error; expired: the file was deleted
             * @enum {string}
             */
            status: "queued" | "running" | "done" | "failed" | "expired";
        };
        ExportJobRequest: {
            /**
             * @description The report's query parameters, as its download takes them (from, to, month, group_id, kind, lang …), checked the same way
             * @example {
             *       "from": "2026-11-01",
             *       "lang": "ko",
             *       "to": "2026-11-30"
             *     }
             */
            filters: {
                [key: string]: unknown;
            };
            /**
             * @description attendance and zone-coverage: csv, xlsx or pdf; volunteer-hours: csv or xlsx
             * @enum {string}
             */
            format: "csv" | "xlsx" | "pdf";
            /** @enum {string} */
            report: "attendance" | "volunteer-hours" | "zone-coverage";
        };
        Gap: {
            blocks_publishing: boolean;
            /**
             * @description Stable code to branch on
             * @enum {string}
             */
            code: "OFFICERS_BELOW_MINIMUM" | "VOLUNTEERS_BELOW_MINIMUM" | "NIGHT_WOMEN_SAFE_ZONE_WITHOUT_OFFICER";
            have: number;
            /** @description In the reader's language (Accept-Language, else the account's locale) */
            message: string;
            needed: number;
            /** @enum {string} */
            rule: "min_officers" | "min_volunteers" | "night_women_safe_zone_officer";
        };
        Group: {
            /** Format: date-time */
            created_at: string;
            id: number;
            /** @enum {string} */
            kind: "patrol_association" | "citizen_police" | "safety_council" | "merchant_association" | "community" | "other";
            name: string;
            station_id: number;
        };
        GroupCreate: {
            /** @enum {string} */
            kind: "patrol_association" | "citizen_police" | "safety_council" | "merchant_association" | "community" | "other";
            /** @example 범계동 자율방범대 */
            name: string;
            station_id: number;
        };
        HoursApproval: {
            /** Format: date-time */
            approved_at: string;
            approved_by_id: number | null;
            group_id: number;
            group_name: string;
            id: number;
            is_revoked: boolean;
            month: string;
            revocation_reason: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            revoked_by_id: number | null;
        };
        Index: {
            links: components["schemas"]["IndexLinks"];
            /** @description The map tiles clients draw zones on */
            map: components["schemas"]["MapTiles"];
            /** @example Joint Patrol API */
            name: string;
            /** @example v1 */
            version: string;
        };
        IndexLinks: {
            /** @example /console/ */
            console: string;
            /** @example /api/v1/docs */
            docs: string;
            /** @example /api/v1/openapi.json */
            openapi: string;
        };
        LastPoint: {
            accuracy_m: number;
            /** @description Seconds between recorded_at and generated_at */
            age_s: number;
            lat: number;
            lon: number;
            /** Format: date-time */
            recorded_at: string;
        };
        LiveBoard: {
            /** Format: date-time */
            generated_at: string;
            participants: components["schemas"]["LiveParticipant"][];
            patrol_id: number;
        };
        LiveParticipant: {
            /**
             * Format: date-time
             * @description The first check-in that counts: the start of the span attendance counts duty from
             */
            checked_in_at: string | null;
            /**
             * Format: date-time
             * @description The last check-out, set only while no check-in came after it
             */
            checked_out_at: string | null;
            /** @enum {string} */
            kind: "volunteer" | "officer";
            /** @description The latest point that counts; null if none */
            last_point: components["schemas"]["LastPoint"] | (Record<string, never> | null);
            name: string;
            /**
             * @description From the latest check-in and check-out
             * @enum {string}
             */
            state: "not_arrived" | "checked_in" | "checked_out";
            user_id: number;
            /** @description The patrol's zones that hold last_point */
            zone_ids: number[];
        };
        LocationAccess: {
            /** Format: date-time */
            accessed_at: string;
            /** @example GET /api/v1/patrols/<patrol_id>/live */
            endpoint: string;
            id: number;
            patrol_id: number | null;
            subject_id: number | null;
            subject_name: string | null;
            viewer_id: number | null;
            viewer_name: string | null;
        };
        LocationFix: {
            /** @description Horizontal accuracy radius; above 100 m the fix is suspect */
            accuracy_m: number;
            /**
             * Format: uuid
             * @description Made once by the phone; resend the same id when retrying
             */
            client_event_id: string;
            /** @example 37.3897 */
            lat: number;
            /** @example 126.9508 */
            lon: number;
            /**
             * Format: date-time
             * @description When the phone took the fix
             */
            recorded_at: string;
        };
        MapTiles: {
            /** @example © OpenStreetMap contributors */
            attribution: string;
            /**
             * @description Leaflet-style tile address ({z}/{x}/{y}); null when maps are drawn without tiles
             * @example https://tile.openstreetmap.org/{z}/{x}/{y}.png
             */
            tile_url: string | null;
        };
        Me: {
            /** Format: date-time */
            created_at: string;
            groups: components["schemas"]["MembershipBrief"][];
            id: number;
            is_active: boolean;
            /** @enum {string} */
            locale: "ko" | "en";
            /** @description The consent in force, or null: location data is refused without it */
            location_consent: components["schemas"]["Consent"] | (Record<string, never> | null);
            name: string;
            /** @description E.164; null unless you are this person or station staff */
            readonly phone: string | null;
            /** @enum {string} */
            role: "admin" | "coordinator" | "station_chief" | "officer" | "volunteer";
            station_id: number | null;
            readonly station_name: string | null;
        };
        Member: {
            is_leader: boolean;
            /** Format: date-time */
            joined_at: string;
            name: string;
            /** @description Null unless you may see it */
            readonly phone: string | null;
            role: string;
            user_id: number;
        };
        MemberAdd: {
            /** @default false */
            is_leader: boolean;
            user_id: number;
        };
        MemberUpdate: {
            is_leader: boolean;
        };
        MembershipBrief: {
            group_id: number;
            group_name: string;
            is_leader: boolean;
        };
        MyPatrol: {
            cancel_reason: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            /** @description Confirmed volunteers */
            readonly confirmed_count: number;
            /** Format: date-time */
            created_at: string;
            created_by_id: number;
            /** Format: date-time */
            ends_at: string;
            /** @description What the pairing rules still miss (empty when fully staffed) */
            gaps: components["schemas"]["Gap"][];
            readonly group_ids: number[];
            id: number;
            max_volunteers: number;
            /** @example 범계역 2번 출구 */
            meeting_place_name: string | null;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            meeting_point: Record<string, never>;
            meeting_radius_m: number;
            min_officers: number;
            min_volunteers: number;
            /** @description Where you stand on this patrol */
            my_signup: components["schemas"]["MySignup"];
            notes: string;
            /** Format: date-time */
            published_at: string | null;
            /** @description Grows when time or place changes */
            revision: number;
            series_id: number | null;
            /** Format: date-time */
            starts_at: string;
            station_id: number;
            /**
             * @description in_progress and completed follow from the clock
             * @enum {string}
             */
            status: "draft" | "published" | "in_progress" | "completed" | "cancelled";
            title: string;
            /** Format: date-time */
            updated_at: string;
            readonly waitlisted_count: number;
            readonly zone_ids: number[];
            /** @description The zones of zone_ids, named */
            zones: components["schemas"]["ZoneRef"][];
        };
        MySignup: {
            /** @enum {string} */
            kind: "volunteer" | "officer";
            /** @enum {string} */
            status: "confirmed" | "waitlisted" | "withdrawn" | "patrol_cancelled";
            /** @description Place on the waitlist, from 1; null unless waitlisted */
            waitlist_position: number | null;
        };
        Occurrence: {
            /** Format: date-time */
            ends_at: string;
            id: number;
            /** Format: date-time */
            starts_at: string;
        };
        OfficerRequest: {
            /**
             * @description For an occurrence of a series: this one only, or this and the later ones
             * @default this
             * @enum {string}
             */
            scope: "this" | "following";
            user_id: number;
        };
        PaginationMetadata: {
            /** @description First available page number. */
            first_page?: number;
            /** @description Last available page number. */
            last_page?: number;
            /** @description Next page number. */
            next_page?: number;
            /** @description Current page number. */
            page?: number;
            /** @description Previous page number. */
            previous_page?: number;
            /** @description Total number of items. */
            total?: number;
            /** @description Total number of pages. */
            total_pages?: number;
        };
        Patrol: {
            cancel_reason: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            /** @description Confirmed volunteers */
            readonly confirmed_count: number;
            /** Format: date-time */
            created_at: string;
            created_by_id: number;
            /** Format: date-time */
            ends_at: string;
            /** @description What the pairing rules still miss (empty when fully staffed) */
            gaps: components["schemas"]["Gap"][];
            readonly group_ids: number[];
            id: number;
            max_volunteers: number;
            /** @example 범계역 2번 출구 */
            meeting_place_name: string | null;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            meeting_point: Record<string, never>;
            meeting_radius_m: number;
            min_officers: number;
            min_volunteers: number;
            notes: string;
            /** Format: date-time */
            published_at: string | null;
            /** @description Grows when time or place changes */
            revision: number;
            series_id: number | null;
            /** Format: date-time */
            starts_at: string;
            station_id: number;
            /**
             * @description in_progress and completed follow from the clock
             * @enum {string}
             */
            status: "draft" | "published" | "in_progress" | "completed" | "cancelled";
            title: string;
            /** Format: date-time */
            updated_at: string;
            readonly waitlisted_count: number;
            readonly zone_ids: number[];
            /** @description The zones of zone_ids, named */
            zones: components["schemas"]["ZoneRef"][];
        };
        PatrolCreate: {
            /** Format: date-time */
            ends_at: string;
            group_ids?: number[];
            max_volunteers: number;
            /**
             * @description Where people meet, in words (null: none given)
             * @default null
             * @example 범계역 2번 출구
             */
            meeting_place_name: string | null;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            meeting_point: Record<string, never>;
            /** @default 100 */
            meeting_radius_m: number;
            /** @default 1 */
            min_officers: number;
            /** @default 0 */
            min_volunteers: number;
            /** @default  */
            notes: string;
            /**
             * @description RFC 5545 RRULE evaluated in Asia/Seoul time from starts_at, e.g. FREQ=WEEKLY;BYDAY=FR;COUNT=8. Must end (COUNT or UNTIL) within a year.
             * @example FREQ=WEEKLY;BYDAY=FR;COUNT=8
             */
            recurrence?: string;
            /** Format: date-time */
            starts_at: string;
            station_id: number;
            title: string;
            zone_ids?: number[];
        };
        PatrolCreated: {
            cancel_reason: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            /** @description Confirmed volunteers */
            readonly confirmed_count: number;
            /** Format: date-time */
            created_at: string;
            created_by_id: number;
            /** Format: date-time */
            ends_at: string;
            /** @description What the pairing rules still miss (empty when fully staffed) */
            gaps: components["schemas"]["Gap"][];
            readonly group_ids: number[];
            id: number;
            max_volunteers: number;
            /** @example 범계역 2번 출구 */
            meeting_place_name: string | null;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            meeting_point: Record<string, never>;
            meeting_radius_m: number;
            min_officers: number;
            min_volunteers: number;
            notes: string;
            /** @description Every occurrence of the series (empty for a single patrol) */
            occurrences: components["schemas"]["Occurrence"][];
            /** Format: date-time */
            published_at: string | null;
            /** @description Grows when time or place changes */
            revision: number;
            series_id: number | null;
            /** Format: date-time */
            starts_at: string;
            station_id: number;
            /**
             * @description in_progress and completed follow from the clock
             * @enum {string}
             */
            status: "draft" | "published" | "in_progress" | "completed" | "cancelled";
            title: string;
            /** Format: date-time */
            updated_at: string;
            readonly waitlisted_count: number;
            readonly zone_ids: number[];
            /** @description The zones of zone_ids, named */
            zones: components["schemas"]["ZoneRef"][];
        };
        PatrolUpdate: {
            /**
             * Format: date-time
             * @example 2026-11-27T23:00:00+09:00
             */
            ends_at?: string;
            group_ids?: number[];
            /** @description Capacity */
            max_volunteers?: number;
            /**
             * @description Where people meet, in words (null: none given)
             * @example 범계역 2번 출구
             */
            meeting_place_name?: string | null;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            meeting_point?: Record<string, never>;
            meeting_radius_m?: number;
            min_officers?: number;
            min_volunteers?: number;
            notes?: string;
            /**
             * @description For an occurrence of a series: this one only, or this and the later ones
             * @default this
             * @enum {string}
             */
            scope: "this" | "following";
            /**
             * Format: date-time
             * @example 2026-11-27T20:00:00+09:00
             */
            starts_at?: string;
            /** @example 범계역 합동 야간순찰 */
            title?: string;
            zone_ids?: number[];
        };
        Point: {
            /** @description Horizontal accuracy radius; above 100 m the fix is suspect */
            accuracy_m: number;
            /**
             * @description Percent
             * @default null
             */
            battery: number | null;
            /**
             * Format: uuid
             * @description Made once by the phone; resend the same id when retrying
             */
            client_event_id: string;
            /** @example 37.3897 */
            lat: number;
            /** @example 126.9508 */
            lon: number;
            patrol_id: number;
            /**
             * Format: date-time
             * @description When the phone took the fix
             */
            recorded_at: string;
            /** @default null */
            speed_mps: number | null;
        };
        PolicyText: {
            en: string;
            ko: string;
        };
        Preferences: {
            is_announcements_muted: boolean;
            is_reminders_muted: boolean;
        };
        PreferencesUpdate: {
            /** @description No news of newly published patrols */
            is_announcements_muted?: boolean;
            /** @description No 24 h / 2 h reminders */
            is_reminders_muted?: boolean;
        };
        Problem: {
            /**
             * @description Stable UPPER_SNAKE code to branch on
             * @enum {string}
             */
            code: "BAD_REQUEST" | "MALFORMED_JSON" | "JSON_TOO_DEEP" | "JSON_NUMBER_TOO_LONG" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "FORBIDDEN" | "CSRF_CHECK_FAILED" | "METRICS_ACCESS_DENIED" | "CURRENT_PASSWORD_WRONG" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PHONE_TAKEN" | "PHONE_UNAVAILABLE" | "STATION_CODE_TAKEN" | "GROUP_NAME_TAKEN" | "ALREADY_MEMBER" | "ALREADY_SIGNED_UP" | "SCHEDULE_CONFLICT" | "SOS_ALREADY_ACKNOWLEDGED" | "SOS_CLOSED" | "PAIRING_RULE" | "PATROL_NOT_OPEN" | "PATROL_NOT_EDITABLE" | "PATROL_NOT_DRAFT" | "PATROL_NOT_BROADCASTABLE" | "ZONE_IN_USE" | "CAPACITY_BELOW_CONFIRMED" | "NOT_A_PARTICIPANT" | "CONSENT_REQUIRED" | "SOS_NOT_RAISER" | "SOS_OWN_ALERT" | "NOT_CHECKED_IN" | "CONSENT_POLICY_OUTDATED" | "EXPORT_TOO_LARGE" | "EXPORT_NOT_READY" | "EXPORT_EXPIRED" | "EXPORT_FAILED" | "DELIVERY_NOT_DEAD" | "PATROL_NOT_FINISHED" | "HOURS_ALREADY_APPROVED" | "MONTH_NOT_ENDED" | "APPROVAL_ALREADY_REVOKED" | "HOURS_NOT_APPROVED" | "PATROL_ALREADY_STARTED" | "NOT_FLAGGED" | "NOT_INVITED" | "PAYLOAD_TOO_LARGE" | "URI_TOO_LONG" | "HEADERS_TOO_LARGE" | "VALIDATION_ERROR" | "PASSWORD_TOO_WEAK" | "UNSTORABLE_TEXT" | "TEXT_CONTROL_CHARACTER" | "TEXT_BLANK" | "DATE_OUT_OF_RANGE" | "INVALID_PHONE" | "STATION_OUT_OF_SCOPE" | "STATION_PARENT_INVALID" | "ROLE_NOT_ASSIGNABLE" | "MEMBER_OUTSIDE_STATION" | "CERTIFICATE_PERSON_REQUIRED" | "NOT_A_VOLUNTEER" | "CERTIFICATE_GROUP_REQUIRED" | "CERTIFICATE_NUMBER_INVALID" | "MEMBER_NOT_VOLUNTEER" | "NOT_ON_PATROL" | "OUTSIDE_GEOFENCE" | "OUTSIDE_PATROL_WINDOW" | "SOS_OUTSIDE_WINDOW" | "INVALID_POINT" | "RECORDED_AFTER_PATROL_END" | "DUTY_EXCEEDS_PATROL" | "RECORDED_IN_FUTURE" | "IDEMPOTENCY_MISMATCH" | "PATROL_ENDS_BEFORE_START" | "PATROL_TOO_LONG" | "PATROL_STARTS_IN_PAST" | "MEETING_POINT_OUTSIDE_KOREA" | "ZONE_OUTSIDE_STATION" | "GROUP_OUTSIDE_STATION" | "OFFICER_OUTSIDE_STATION" | "RECURRENCE_INVALID" | "RECURRENCE_UNBOUNDED" | "RECURRENCE_TOO_LONG" | "GEOMETRY_INVALID" | "GEOMETRY_SELF_INTERSECTION" | "GEOMETRY_RING_NOT_CLOSED" | "GEOMETRY_COORDINATES_OUT_OF_RANGE" | "GEOMETRY_HAS_Z" | "GEOMETRY_TYPE_MISMATCH" | "ZONE_OUTSIDE_SERVICE_AREA" | "RATE_LIMITED" | "QUERY_TIMEOUT" | "INTERNAL_ERROR" | "CONSOLE_NOT_BUILT" | "SERVICE_UNAVAILABLE";
            /** @description The messages of `errors` that carry a code of their own, each with its path in `errors` */
            coded_errors?: components["schemas"]["CodedError"][];
            detail: string;
            /** @description Field name -> messages, for 422 */
            errors?: {
                [key: string]: unknown;
            };
            request_id: string;
            status: number;
            title: string;
            type: string;
        };
        RejectedPoint: {
            /**
             * Format: uuid
             * @description null when the point sent none that is valid
             */
            client_event_id: string | null;
            /** @enum {string} */
            code: "INVALID_POINT" | "NOT_A_PARTICIPANT" | "OUTSIDE_PATROL_WINDOW" | "RECORDED_IN_FUTURE" | "CONSENT_REQUIRED";
            /** @description INVALID_POINT: field name -> messages, as in a 422 problem; otherwise null */
            errors: {
                [key: string]: unknown;
            } | null;
            /** @description The point's position in `points`, from 0 */
            index: number;
        };
        RejectedPosition: {
            /** Format: uuid */
            client_event_id: string;
            /** @enum {string} */
            code: "RECORDED_IN_FUTURE";
            /** @description The position's place in `positions`, from 0 */
            index: number;
        };
        Report: {
            /** @description key, label (ko, en) and kind of each column; a column of codes (an attendance status, a zone kind, late facts) also has words: each code's words to show people, {code: {ko, en}} */
            columns: {
                [key: string]: unknown;
            }[];
            /** @description The values by column key; codes stay codes (no_show) */
            rows: {
                [key: string]: unknown;
            }[];
            /** @description key, label (ko, en) and value of each line: the period, the rows per status (status.<code>, approval.<code> or kind.<code>) and the totals, over the whole report even when truncated */
            summary: {
                [key: string]: unknown;
            }[];
            /** @description More rows exist: download csv or xlsx for all of them */
            truncated: boolean;
        };
        ReviewRequest: {
            /** @default null */
            note: string | null;
            /** @enum {string} */
            review: "approved" | "rejected";
        };
        RevokeApproval: {
            /** @description Why the approval is withdrawn (1-500 characters); kept in the history */
            reason: string;
        };
        Roster: {
            confirmed: components["schemas"]["RosterPerson"][];
            gaps: components["schemas"]["Gap"][];
            officers: components["schemas"]["RosterPerson"][];
            waitlisted: components["schemas"]["RosterPerson"][];
        };
        RosterPerson: {
            name: string;
            /** @description Place on the waitlist, from 1; null for the others */
            position: number | null;
            user_id: number;
        };
        ScheduleConflict: {
            /**
             * @description Stable UPPER_SNAKE code to branch on
             * @enum {string}
             */
            code: "BAD_REQUEST" | "MALFORMED_JSON" | "JSON_TOO_DEEP" | "JSON_NUMBER_TOO_LONG" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "FORBIDDEN" | "CSRF_CHECK_FAILED" | "METRICS_ACCESS_DENIED" | "CURRENT_PASSWORD_WRONG" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PHONE_TAKEN" | "PHONE_UNAVAILABLE" | "STATION_CODE_TAKEN" | "GROUP_NAME_TAKEN" | "ALREADY_MEMBER" | "ALREADY_SIGNED_UP" | "SCHEDULE_CONFLICT" | "SOS_ALREADY_ACKNOWLEDGED" | "SOS_CLOSED" | "PAIRING_RULE" | "PATROL_NOT_OPEN" | "PATROL_NOT_EDITABLE" | "PATROL_NOT_DRAFT" | "PATROL_NOT_BROADCASTABLE" | "ZONE_IN_USE" | "CAPACITY_BELOW_CONFIRMED" | "NOT_A_PARTICIPANT" | "CONSENT_REQUIRED" | "SOS_NOT_RAISER" | "SOS_OWN_ALERT" | "NOT_CHECKED_IN" | "CONSENT_POLICY_OUTDATED" | "EXPORT_TOO_LARGE" | "EXPORT_NOT_READY" | "EXPORT_EXPIRED" | "EXPORT_FAILED" | "DELIVERY_NOT_DEAD" | "PATROL_NOT_FINISHED" | "HOURS_ALREADY_APPROVED" | "MONTH_NOT_ENDED" | "APPROVAL_ALREADY_REVOKED" | "HOURS_NOT_APPROVED" | "PATROL_ALREADY_STARTED" | "NOT_FLAGGED" | "NOT_INVITED" | "PAYLOAD_TOO_LARGE" | "URI_TOO_LONG" | "HEADERS_TOO_LARGE" | "VALIDATION_ERROR" | "PASSWORD_TOO_WEAK" | "UNSTORABLE_TEXT" | "TEXT_CONTROL_CHARACTER" | "TEXT_BLANK" | "DATE_OUT_OF_RANGE" | "INVALID_PHONE" | "STATION_OUT_OF_SCOPE" | "STATION_PARENT_INVALID" | "ROLE_NOT_ASSIGNABLE" | "MEMBER_OUTSIDE_STATION" | "CERTIFICATE_PERSON_REQUIRED" | "NOT_A_VOLUNTEER" | "CERTIFICATE_GROUP_REQUIRED" | "CERTIFICATE_NUMBER_INVALID" | "MEMBER_NOT_VOLUNTEER" | "NOT_ON_PATROL" | "OUTSIDE_GEOFENCE" | "OUTSIDE_PATROL_WINDOW" | "SOS_OUTSIDE_WINDOW" | "INVALID_POINT" | "RECORDED_AFTER_PATROL_END" | "DUTY_EXCEEDS_PATROL" | "RECORDED_IN_FUTURE" | "IDEMPOTENCY_MISMATCH" | "PATROL_ENDS_BEFORE_START" | "PATROL_TOO_LONG" | "PATROL_STARTS_IN_PAST" | "MEETING_POINT_OUTSIDE_KOREA" | "ZONE_OUTSIDE_STATION" | "GROUP_OUTSIDE_STATION" | "OFFICER_OUTSIDE_STATION" | "RECURRENCE_INVALID" | "RECURRENCE_UNBOUNDED" | "RECURRENCE_TOO_LONG" | "GEOMETRY_INVALID" | "GEOMETRY_SELF_INTERSECTION" | "GEOMETRY_RING_NOT_CLOSED" | "GEOMETRY_COORDINATES_OUT_OF_RANGE" | "GEOMETRY_HAS_Z" | "GEOMETRY_TYPE_MISMATCH" | "ZONE_OUTSIDE_SERVICE_AREA" | "RATE_LIMITED" | "QUERY_TIMEOUT" | "INTERNAL_ERROR" | "CONSOLE_NOT_BUILT" | "SERVICE_UNAVAILABLE";
            /** @description The messages of `errors` that carry a code of their own, each with its path in `errors` */
            coded_errors?: components["schemas"]["CodedError"][];
            /** @description SCHEDULE_CONFLICT: the patrol the person already holds at that time (left out when a concurrent sign-up won the race) */
            conflicting_patrol?: components["schemas"]["ConflictingPatrol"];
            detail: string;
            /** @description Field name -> messages, for 422 */
            errors?: {
                [key: string]: unknown;
            };
            request_id: string;
            status: number;
            title: string;
            type: string;
        };
        Scope: {
            /**
             * @description For an occurrence of a series: this one only, or this and the later ones
             * @default this
             * @enum {string}
             */
            scope: "this" | "following";
        };
        SignupRequest: {
            /** @description Whom to sign up (group leaders); yourself when left out */
            user_id?: number;
        };
        SignupResult: {
            /** @description Place on the waitlist, from 1 */
            position: number | null;
            /** @enum {string} */
            status: "confirmed" | "waitlisted";
        };
        SosAcknowledgedElsewhere: {
            /**
             * Format: date-time
             * @description SOS_ALREADY_ACKNOWLEDGED: when
             */
            acknowledged_at?: string;
            /** @description SOS_ALREADY_ACKNOWLEDGED: who took the alert */
            acknowledged_by?: components["schemas"]["Taker"];
            /**
             * @description Stable UPPER_SNAKE code to branch on
             * @enum {string}
             */
            code: "BAD_REQUEST" | "MALFORMED_JSON" | "JSON_TOO_DEEP" | "JSON_NUMBER_TOO_LONG" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "FORBIDDEN" | "CSRF_CHECK_FAILED" | "METRICS_ACCESS_DENIED" | "CURRENT_PASSWORD_WRONG" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PHONE_TAKEN" | "PHONE_UNAVAILABLE" | "STATION_CODE_TAKEN" | "GROUP_NAME_TAKEN" | "ALREADY_MEMBER" | "ALREADY_SIGNED_UP" | "SCHEDULE_CONFLICT" | "SOS_ALREADY_ACKNOWLEDGED" | "SOS_CLOSED" | "PAIRING_RULE" | "PATROL_NOT_OPEN" | "PATROL_NOT_EDITABLE" | "PATROL_NOT_DRAFT" | "PATROL_NOT_BROADCASTABLE" | "ZONE_IN_USE" | "CAPACITY_BELOW_CONFIRMED" | "NOT_A_PARTICIPANT" | "CONSENT_REQUIRED" | "SOS_NOT_RAISER" | "SOS_OWN_ALERT" | "NOT_CHECKED_IN" | "CONSENT_POLICY_OUTDATED" | "EXPORT_TOO_LARGE" | "EXPORT_NOT_READY" | "EXPORT_EXPIRED" | "EXPORT_FAILED" | "DELIVERY_NOT_DEAD" | "PATROL_NOT_FINISHED" | "HOURS_ALREADY_APPROVED" | "MONTH_NOT_ENDED" | "APPROVAL_ALREADY_REVOKED" | "HOURS_NOT_APPROVED" | "PATROL_ALREADY_STARTED" | "NOT_FLAGGED" | "NOT_INVITED" | "PAYLOAD_TOO_LARGE" | "URI_TOO_LONG" | "HEADERS_TOO_LARGE" | "VALIDATION_ERROR" | "PASSWORD_TOO_WEAK" | "UNSTORABLE_TEXT" | "TEXT_CONTROL_CHARACTER" | "TEXT_BLANK" | "DATE_OUT_OF_RANGE" | "INVALID_PHONE" | "STATION_OUT_OF_SCOPE" | "STATION_PARENT_INVALID" | "ROLE_NOT_ASSIGNABLE" | "MEMBER_OUTSIDE_STATION" | "CERTIFICATE_PERSON_REQUIRED" | "NOT_A_VOLUNTEER" | "CERTIFICATE_GROUP_REQUIRED" | "CERTIFICATE_NUMBER_INVALID" | "MEMBER_NOT_VOLUNTEER" | "NOT_ON_PATROL" | "OUTSIDE_GEOFENCE" | "OUTSIDE_PATROL_WINDOW" | "SOS_OUTSIDE_WINDOW" | "INVALID_POINT" | "RECORDED_AFTER_PATROL_END" | "DUTY_EXCEEDS_PATROL" | "RECORDED_IN_FUTURE" | "IDEMPOTENCY_MISMATCH" | "PATROL_ENDS_BEFORE_START" | "PATROL_TOO_LONG" | "PATROL_STARTS_IN_PAST" | "MEETING_POINT_OUTSIDE_KOREA" | "ZONE_OUTSIDE_STATION" | "GROUP_OUTSIDE_STATION" | "OFFICER_OUTSIDE_STATION" | "RECURRENCE_INVALID" | "RECURRENCE_UNBOUNDED" | "RECURRENCE_TOO_LONG" | "GEOMETRY_INVALID" | "GEOMETRY_SELF_INTERSECTION" | "GEOMETRY_RING_NOT_CLOSED" | "GEOMETRY_COORDINATES_OUT_OF_RANGE" | "GEOMETRY_HAS_Z" | "GEOMETRY_TYPE_MISMATCH" | "ZONE_OUTSIDE_SERVICE_AREA" | "RATE_LIMITED" | "QUERY_TIMEOUT" | "INTERNAL_ERROR" | "CONSOLE_NOT_BUILT" | "SERVICE_UNAVAILABLE";
            /** @description The messages of `errors` that carry a code of their own, each with its path in `errors` */
            coded_errors?: components["schemas"]["CodedError"][];
            detail: string;
            /** @description Field name -> messages, for 422 */
            errors?: {
                [key: string]: unknown;
            };
            request_id: string;
            status: number;
            title: string;
            type: string;
        };
        SosAlert: {
            accuracy_m: number;
            /** Format: date-time */
            acknowledged_at: string | null;
            acknowledged_by_id: number | null;
            acknowledged_by_name: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            id: number;
            /** @enum {string} */
            kind: "sos" | "man_down";
            /** @description The latest position the raiser's phone sent while the alert ran (POST /sos/{id}/positions); null before the first */
            last_position: components["schemas"]["SosPosition"] | (Record<string, never> | null);
            note: string | null;
            /** @enum {string|null} */
            outcome: "safe" | "false_alarm" | "police_dispatched" | "medical" | null;
            patrol_id: number;
            /**
             * @description Where the raiser's phone was at the press; null once the incident records' retention is over
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            point: Record<string, never> | null;
            /** Format: date-time */
            raised_at: string;
            raiser_id: number;
            raiser_name: string;
            /** @description To call the raiser back */
            readonly raiser_phone: string | null;
            /** @description How many people the alert has reached: the first tier (officers of the patrol, its station chief, participants nearby), and after an escalation the staff of the station family too */
            readonly recipients: number;
            /** Format: date-time */
            recorded_at: string;
            resolution_note: string | null;
            /** Format: date-time */
            resolved_at: string | null;
            resolved_by_id: number | null;
            station_id: number;
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved" | "cancelled";
        };
        SosAlertDetail: {
            accuracy_m: number;
            /** Format: date-time */
            acknowledged_at: string | null;
            acknowledged_by_id: number | null;
            acknowledged_by_name: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            id: number;
            /** @enum {string} */
            kind: "sos" | "man_down";
            /** @description The latest position the raiser's phone sent while the alert ran (POST /sos/{id}/positions); null before the first */
            last_position: components["schemas"]["SosPosition"] | (Record<string, never> | null);
            note: string | null;
            /** @enum {string|null} */
            outcome: "safe" | "false_alarm" | "police_dispatched" | "medical" | null;
            patrol_id: number;
            /**
             * @description Where the raiser's phone was at the press; null once the incident records' retention is over
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            point: Record<string, never> | null;
            /** @description Where the raiser's phone was while the alert ran (POST /sos/{id}/positions): the latest 500, oldest first; empty once the incident records' retention is over */
            positions: components["schemas"]["SosPosition"][];
            /** Format: date-time */
            raised_at: string;
            raiser_id: number;
            raiser_name: string;
            /** @description To call the raiser back */
            readonly raiser_phone: string | null;
            /** @description How many people the alert has reached: the first tier (officers of the patrol, its station chief, participants nearby), and after an escalation the staff of the station family too */
            readonly recipients: number;
            /** Format: date-time */
            recorded_at: string;
            resolution_note: string | null;
            /** Format: date-time */
            resolved_at: string | null;
            resolved_by_id: number | null;
            station_id: number;
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved" | "cancelled";
            /** @description Oldest first */
            timeline: components["schemas"]["SosTimelineEntry"][];
        };
        SosPosition: {
            accuracy_m: number;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            point: Record<string, never>;
            /** Format: date-time */
            recorded_at: string;
        };
        SosPositions: {
            /** @description The fixes taken since the last call that got an answer, in any order */
            positions: components["schemas"]["LocationFix"][];
        };
        SosPositionsResult: {
            /** @description Stored now */
            accepted: number;
            /** @description Who is coming, once someone has taken the alert (as the sos.acknowledged push says) */
            acknowledged_by_name: string | null;
            /** @description Stored by an earlier call: fine */
            duplicates: number;
            /** @description Never stored; do not resend */
            rejected: components["schemas"]["RejectedPosition"][];
            /**
             * @description The alert's status now: keep sending while it is open or acknowledged
             * @enum {string}
             */
            status: "open" | "acknowledged" | "resolved" | "cancelled";
        };
        SosRaise: {
            /** @description Horizontal accuracy radius; above 100 m the fix is suspect */
            accuracy_m: number;
            /**
             * Format: uuid
             * @description Made once by the phone; resend the same id when retrying
             */
            client_event_id: string;
            /**
             * @description sos: the button was pressed; man_down: the phone detected a fall or stillness
             * @enum {string}
             */
            kind: "sos" | "man_down";
            /** @example 37.3897 */
            lat: number;
            /** @example 126.9508 */
            lon: number;
            /** @default null */
            note: string | null;
            /** @description The patrol the raiser is on */
            patrol_id: number;
            /**
             * Format: date-time
             * @description When the phone took the fix
             */
            recorded_at: string;
        };
        SosRaised: {
            accuracy_m: number;
            /** Format: date-time */
            acknowledged_at: string | null;
            acknowledged_by_id: number | null;
            acknowledged_by_name: string | null;
            /**
             * @description A one-tap call to the police emergency number
             * @default tel:112
             * @enum {string}
             */
            call_112: "tel:112";
            /** Format: date-time */
            cancelled_at: string | null;
            id: number;
            /** @enum {string} */
            kind: "sos" | "man_down";
            /** @description The latest position the raiser's phone sent while the alert ran (POST /sos/{id}/positions); null before the first */
            last_position: components["schemas"]["SosPosition"] | (Record<string, never> | null);
            note: string | null;
            /** @enum {string|null} */
            outcome: "safe" | "false_alarm" | "police_dispatched" | "medical" | null;
            patrol_id: number;
            /**
             * @description Where the raiser's phone was at the press; null once the incident records' retention is over
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            point: Record<string, never> | null;
            /** Format: date-time */
            raised_at: string;
            raiser_id: number;
            raiser_name: string;
            /** @description To call the raiser back */
            readonly raiser_phone: string | null;
            /** @description How many people the alert has reached: the first tier (officers of the patrol, its station chief, participants nearby), and after an escalation the staff of the station family too */
            readonly recipients: number;
            /** Format: date-time */
            recorded_at: string;
            resolution_note: string | null;
            /** Format: date-time */
            resolved_at: string | null;
            resolved_by_id: number | null;
            station_id: number;
            /** @description The patrol's station's number, to offer beside 112; null when it has none */
            station_phone: string | null;
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved" | "cancelled";
        };
        SosResolve: {
            /** @default null */
            note: string | null;
            /** @enum {string} */
            outcome: "safe" | "false_alarm" | "police_dispatched" | "medical";
        };
        SosTimelineEntry: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            event: "raised" | "pressed_again" | "escalated" | "repeated" | "push" | "acknowledged" | "resolved" | "cancelled";
            /** @description push: pending, sent, dead or dropped */
            push_status: string;
            /**
             * @description push: which push
             * @enum {string}
             */
            push_type: "sos.raised" | "sos.acknowledged" | "sos.taken" | "sos.cancelled" | "sos.escalated" | "sos.repeated";
            /** @description repeated: which repeat (1, 2, ...) */
            repeat: number;
            user_id: number | null;
            user_name: string | null;
        };
        Station: {
            checkin_opens_minutes: number;
            code: string;
            /** Format: date-time */
            created_at: string;
            /** @enum {string} */
            geofence_policy: "flag" | "block";
            id: number;
            is_officer_required_at_night_in_women_safe_zones: boolean;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            location: Record<string, never> | null;
            name: string;
            parent_id: number | null;
            phone: string | null;
            withdrawal_cutoff_minutes: number;
        };
        StationCreate: {
            /**
             * @description Upper-case letters, digits and dashes
             * @example DONGAN
             */
            code: string;
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point.
             * @default null
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            location: Record<string, never> | null;
            /** @example 안양동안경찰서 */
            name: string;
            /**
             * @description The 경찰서 a 지구대/파출소 belongs to
             * @default null
             */
            parent_id: number | null;
            /**
             * @description Offered on the SOS screen besides 112; null for none
             * @default null
             * @example 031-8086-1234
             */
            phone: string | null;
        };
        StationRules: {
            /** @description Check-in opens this long before the start */
            checkin_opens_minutes?: number;
            /**
             * @description flag: accept a check-in outside the geofence for review; block: refuse it
             * @enum {string}
             */
            geofence_policy?: "flag" | "block";
            /** @description A patrol covering a women-safe zone between 22:00 and 06:00 needs an officer */
            is_officer_required_at_night_in_women_safe_zones?: boolean;
            /**
             * @description Offered on the SOS screen besides 112; null for none
             * @example 031-8086-1234
             */
            phone?: string | null;
            /** @description Withdrawing later than this before a patrol counts as a late cancellation */
            withdrawal_cutoff_minutes?: number;
        };
        Taker: {
            id: number;
            name: string | null;
        };
        Token: {
            access_token: string;
            /** @description Seconds the access token lives */
            expires_in: number;
            /** @description null when the refresh token was set in a cookie (refresh_token_in=cookie) */
            refresh_token: string | null;
            /** @example Bearer */
            token_type: string;
        };
        TokenRequest: {
            password: string;
            /** @example 010-1234-5678 */
            phone: string;
            /**
             * @description Where the refresh token goes. `body` (the default, for apps): in the answer's refresh_token. `cookie` (for browsers): in an HttpOnly cookie scoped to /api/v1/auth, with a readable patrol_refresh_csrf cookie whose value POST /api/v1/auth/refresh then needs in the X-CSRF-TOKEN header; the answer's refresh_token is null
             * @default body
             * @enum {string}
             */
            refresh_token_in: "body" | "cookie";
        };
        TrackPoint: {
            accuracy_m: number;
            /** @description Why the point is left out of the board and dwell time (low_accuracy, impossible_jump); null when it counts */
            exclusion: string | null;
            readonly lat: number;
            readonly lon: number;
            /** Format: date-time */
            recorded_at: string;
        };
        User: {
            /** Format: date-time */
            created_at: string;
            id: number;
            is_active: boolean;
            /** @enum {string} */
            locale: "ko" | "en";
            name: string;
            /** @description E.164; null unless you are this person or station staff */
            readonly phone: string | null;
            /** @enum {string} */
            role: "admin" | "coordinator" | "station_chief" | "officer" | "volunteer";
            station_id: number | null;
        };
        UserCreate: {
            /**
             * @default ko
             * @enum {string}
             */
            locale: "ko" | "en";
            name: string;
            /** @description 8-128 characters, hard to guess: refused with PASSWORD_TOO_WEAK when common, a pattern, or built from the person's phone or name */
            password: string;
            /** @example 010-1234-5678 */
            phone: string;
            /** @enum {string} */
            role: "admin" | "coordinator" | "station_chief" | "officer" | "volunteer";
            /** @default null */
            station_id: number | null;
        };
        UserUpdate: {
            /** @description Your present password: required (only) when you change your own password */
            current_password?: string;
            is_active?: boolean;
            /** @enum {string} */
            locale?: "ko" | "en";
            name?: string;
            /** @description 8-128 characters, hard to guess: refused with PASSWORD_TOO_WEAK when common, a pattern, or built from the person's phone or name */
            password?: string;
            phone?: string;
            /** @enum {string} */
            role?: "admin" | "coordinator" | "station_chief" | "officer" | "volunteer";
            station_id?: number;
        };
        ZoneCollection: {
            features: components["schemas"]["ZoneOut"][];
            /** @description all=true only: true when the station has more than 2000 zones and the rest were left out */
            truncated: boolean;
            /**
             * @default FeatureCollection
             * @enum {string}
             */
            type: "FeatureCollection";
        };
        ZoneFeature: {
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point, LineString, Polygon, MultiPolygon.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            geometry: Record<string, never>;
            properties: components["schemas"]["ZoneProperties"];
            /** @enum {string} */
            type: "Feature";
        };
        ZoneImport: {
            features: components["schemas"]["ZoneFeature"][];
            /** @enum {string} */
            type: "FeatureCollection";
        };
        ZoneImportResult: {
            /** @description How many zones were stored */
            created: number;
            /** @description Their ids, in the order sent */
            ids: number[];
        };
        ZoneOut: {
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            geometry: Record<string, never>;
            id: number;
            properties: components["schemas"]["ZoneOutProperties"];
            /**
             * @default Feature
             * @enum {string}
             */
            type: "Feature";
        };
        ZoneOutProperties: {
            corridor_m: number | null;
            /** Format: date-time */
            created_at: string;
            id: number;
            /** @enum {string} */
            kind: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            name: string;
            station_id: number;
            /** Format: date-time */
            updated_at: string;
        } & {
            [key: string]: unknown;
        };
        ZonePatch: {
            /**
             * @description GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two dimensions only. Accepted types: Point, LineString, Polygon, MultiPolygon.
             * @example {
             *       "coordinates": [
             *         126.9508,
             *         37.3897
             *       ],
             *       "type": "Point"
             *     }
             */
            geometry?: Record<string, never>;
            properties?: components["schemas"]["ZonePropertiesPatch"];
            /** @enum {string} */
            type?: "Feature";
        };
        ZoneProperties: {
            /** @description Safe-return routes only: corridor width either side of the line, metres */
            corridor_m?: number | null;
            /** @enum {string} */
            kind: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            /** @example 범계역 광장 */
            name: string;
            /** @description Station (or sub-unit) in charge */
            station_id: number;
        } & {
            [key: string]: unknown;
        };
        ZonePropertiesPatch: {
            /** @description Safe-return routes only: corridor width either side of the line, metres */
            corridor_m?: number | null;
            /** @enum {string} */
            kind?: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            name?: string;
            station_id?: number;
        } & {
            [key: string]: unknown;
        };
        ZoneRef: {
            id: number;
            /** @enum {string} */
            kind: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            name: string;
        };
    };
    responses: {
        /** @description Default error response */
        DEFAULT_ERROR: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Pagination metadata */
        PAGINATION: {
            "application/json": components["schemas"]["PaginationMetadata"];
        };
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Index"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getLocationAccessLog: {
        parameters: {
            query?: {
                /** @description Whose location was read */
                subject_id?: number;
                /** @description Who read it */
                viewer_id?: number;
                patrol_id?: number;
                /** @description Reads at or after this */
                from?: string;
                /** @description Reads before this */
                to?: string;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationAccess"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "sent" | "dead" | "dropped";
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    requeueNotificationDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `DELIVERY_NOT_DEAD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listAttendancePendingReview: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attendance"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: {
                /** @description With the refresh cookie only: the patrol_refresh_csrf cookie's value */
                "X-CSRF-TOKEN"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `CSRF_CHECK_FAILED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "범계역-순찰-2026",
                 *       "phone": "010-2345-6789"
                 *     }
                 */
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Codes: `INVALID_CREDENTIALS` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED after repeated failures for one phone from one address (5 in 5 minutes), or, once a phone has had many attempts (10 in an hour) from addresses that have not signed in to it, while the phone is held from them (a back-off that doubles, at most 15 minutes); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getCalendarFeedFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An iCalendar (RFC 5545) file of the patrols you are on, from 90 days ago onwards. Waitlisted patrols are TENTATIVE and titled [대기]; cancelled ones stay as CANCELLED. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description NOT_FOUND: the URL is unknown or was replaced or closed. Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    checkCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateCheck"];
                };
            };
            /** @description NOT_FOUND: no certificate has this number. Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CERTIFICATE_NUMBER_INVALID: not a number we could have printed (a typo). Codes: `CERTIFICATE_NUMBER_INVALID`, `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: too many look-ups from one address; wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listCheckIns: {
        parameters: {
            query?: {
                patrol_id?: number;
                review?: "pending" | "approved" | "rejected";
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInForReview"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    reviewCheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                checkin_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FLAGGED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getCheckInReviewHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                checkin_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInReview"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getConsentPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentPolicy"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listDevices: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    registerDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "app_version": "1.4.2",
                 *       "locale": "ko",
                 *       "platform": "android",
                 *       "token": "fMEP0vJqS0qW3xY7bZ1c2d:APA91bH-example-registration-token"
                 *     }
                 */
                "application/json": components["schemas"]["DeviceRequest"];
            };
        };
        responses: {
            /** @description The token was known: refreshed (and now yours) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listExportJobs: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportJob"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createExportJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "filters": {
                 *         "from": "2026-01-01",
                 *         "lang": "ko",
                 *         "to": "2026-12-31"
                 *       },
                 *       "format": "xlsx",
                 *       "report": "attendance"
                 *     }
                 */
                "application/json": components["schemas"]["ExportJobRequest"];
            };
        };
        responses: {
            /** @description Queued: follow it with getExportJob (every second or two) until it is done, then download file_url before expires_at */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportJob"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getExportJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportJob"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadExportJobFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its own media type (text/csv, XLSX or application/pdf) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_NOT_READY` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_EXPIRED` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listGroups: {
        parameters: {
            query?: {
                station_id?: number;
                kind?: "patrol_association" | "citizen_police" | "safety_council" | "merchant_association" | "community" | "other";
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `GROUP_NAME_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `STATION_OUT_OF_SCOPE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listGroupMembers: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                group_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    addGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "is_leader": false,
                 *       "user_id": 42
                 *     }
                 */
                "application/json": components["schemas"]["MemberAdd"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `ALREADY_MEMBER` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `MEMBER_OUTSIDE_STATION`, `MEMBER_NOT_VOLUNTEER` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    removeGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    uploadLocationBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "points": [
                 *         {
                 *           "accuracy_m": 8,
                 *           "battery": 82,
                 *           "client_event_id": "0b6d9a52-7c1e-4f4b-a1e5-3c2d8f9e0a11",
                 *           "lat": 37.3897,
                 *           "lon": 126.9508,
                 *           "patrol_id": 7,
                 *           "recorded_at": "2026-12-18T21:10:00+09:00",
                 *           "speed_mps": 1.3
                 *         },
                 *         {
                 *           "accuracy_m": 11,
                 *           "battery": 82,
                 *           "client_event_id": "0b6d9a52-7c1e-4f4b-a1e5-3c2d8f9e0a12",
                 *           "lat": 37.3903,
                 *           "lon": 126.9521,
                 *           "patrol_id": 7,
                 *           "recorded_at": "2026-12-18T21:10:30+09:00",
                 *           "speed_mps": 1.2
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Batch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: more than 120 per minute from one person; wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    openMyCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    closeMyCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    giveConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "policy_version": "2026-12-sos"
                 *     }
                 */
                "application/json": components["schemas"]["ConsentRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONSENT_POLICY_OUTDATED: not the current version of GET /consent-policy. Codes: `CONSENT_POLICY_OUTDATED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    withdrawConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listMyPatrols: {
        parameters: {
            query?: {
                /** @description true: also the patrols you withdrew from */
                include_withdrawn?: boolean;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPatrol"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listOpenPatrols: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listPatrols: {
        parameters: {
            query?: {
                /** @description Patrols ending after this */
                from?: string;
                /** @description Patrols starting before this */
                to?: string;
                station_id?: number;
                group_id?: number;
                zone_id?: number;
                status?: "draft" | "published" | "in_progress" | "completed" | "cancelled";
                /** @description true: only patrols the pairing rules still find short (see gaps); false: only fully staffed (or cancelled) ones */
                has_gaps?: boolean;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createPatrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ends_at": "2026-12-18T23:00:00+09:00",
                 *       "group_ids": [
                 *         1,
                 *         2
                 *       ],
                 *       "max_volunteers": 12,
                 *       "meeting_point": {
                 *         "coordinates": [
                 *           126.9508,
                 *           37.3897
                 *         ],
                 *         "type": "Point"
                 *       },
                 *       "meeting_radius_m": 100,
                 *       "min_officers": 1,
                 *       "min_volunteers": 4,
                 *       "notes": "범계역 2번 출구 앞 집결, 조끼와 경광봉 지참",
                 *       "recurrence": "FREQ=WEEKLY;BYDAY=FR;COUNT=8",
                 *       "starts_at": "2026-12-18T20:00:00+09:00",
                 *       "station_id": 1,
                 *       "title": "범계역 합동 야간순찰",
                 *       "zone_ids": [
                 *         3,
                 *         4
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PatrolCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatrolCreated"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `STATION_OUT_OF_SCOPE`, `PATROL_STARTS_IN_PAST`, `PATROL_ENDS_BEFORE_START`, `PATROL_TOO_LONG`, `ZONE_OUTSIDE_STATION`, `GROUP_OUTSIDE_STATION` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getPatrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deletePatrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `PATROL_NOT_DRAFT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updatePatrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatrolUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `PATROL_NOT_EDITABLE`, `CAPACITY_BELOW_CONFIRMED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `PATROL_STARTS_IN_PAST`, `PATROL_ENDS_BEFORE_START`, `PATROL_TOO_LONG`, `ZONE_OUTSIDE_STATION`, `GROUP_OUTSIDE_STATION` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getPatrolAttendance: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attendance"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    confirmPatrolAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "entries": [
                 *         {
                 *           "duty_minutes": 180,
                 *           "status": "present",
                 *           "user_id": 42
                 *         },
                 *         {
                 *           "note": "가족 병원 동행으로 불참 (사전 연락)",
                 *           "status": "excused",
                 *           "user_id": 43
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Confirm"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attendance"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `PATROL_NOT_FINISHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `NOT_ON_PATROL`, `DUTY_EXCEEDS_PATROL` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listAttendanceChanges: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceChange"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    broadcastToPatrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "범계역 3번 출구 앞으로 옮깁니다.\n20시 50분까지 모여 주세요.",
                 *       "title": "집결지 변경"
                 *     }
                 */
                "application/json": components["schemas"]["Broadcast"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastResult"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PATROL_NOT_BROADCASTABLE: the patrol is a draft or has ended. Codes: `PATROL_NOT_BROADCASTABLE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: more than 5 per 10 minutes from one person; wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    cancelPatrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Cancel"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    checkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "accuracy_m": 6.5,
                 *       "client_event_id": "5f0c6b7e-2a31-4c1e-9d3b-8e2f4a6c1d90",
                 *       "lat": 37.3897,
                 *       "lon": 126.9508,
                 *       "recorded_at": "2026-12-18T20:58:12+09:00"
                 *     }
                 */
                "application/json": components["schemas"]["CheckInRequest"];
            };
        };
        responses: {
            /** @description A retry with the same client_event_id answers 200 with the first result and stores nothing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description Recorded: accepted, or flagged for review with reasons */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_A_PARTICIPANT`, `CONSENT_REQUIRED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `OUTSIDE_PATROL_WINDOW`, `RECORDED_AFTER_PATROL_END`, `RECORDED_IN_FUTURE`, `OUTSIDE_GEOFENCE`, `IDEMPOTENCY_MISMATCH` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: more than 30 per minute from one person; wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    checkOut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "accuracy_m": 6.5,
                 *       "client_event_id": "5f0c6b7e-2a31-4c1e-9d3b-8e2f4a6c1d90",
                 *       "lat": 37.3897,
                 *       "lon": 126.9508,
                 *       "recorded_at": "2026-12-18T20:58:12+09:00"
                 *     }
                 */
                "application/json": components["schemas"]["CheckInRequest"];
            };
        };
        responses: {
            /** @description A retry with the same client_event_id answers 200 with the first result and stores nothing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_A_PARTICIPANT`, `CONSENT_REQUIRED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_CHECKED_IN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `OUTSIDE_PATROL_WINDOW`, `RECORDED_AFTER_PATROL_END`, `RECORDED_IN_FUTURE`, `OUTSIDE_GEOFENCE`, `IDEMPOTENCY_MISMATCH` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: more than 30 per minute from one person; wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getPatrolDwell: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dwell"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getLiveBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveBoard"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    addPatrolOfficer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficerRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roster"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description SCHEDULE_CONFLICT names the patrol held at that time in conflicting_patrol. Codes: `PATROL_NOT_EDITABLE`, `ALREADY_SIGNED_UP`, `SCHEDULE_CONFLICT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ScheduleConflict"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `OFFICER_OUTSIDE_STATION` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    removePatrolOfficer: {
        parameters: {
            query?: {
                /** @description For an occurrence of a series: this one only, or this and the later ones */
                scope?: "this" | "following";
            };
            header?: never;
            path: {
                patrol_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `PATROL_ALREADY_STARTED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getParticipantTrack: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                patrol_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackPoint"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    publishPatrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Scope"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAIRING_RULE: errors.gaps lists what is missing. Codes: `PATROL_NOT_DRAFT`, `PAIRING_RULE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `PATROL_STARTS_IN_PAST` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getPatrolRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roster"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getSignInSheet: {
        parameters: {
            query?: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
            };
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    signUpForPatrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["SignupRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResult"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_INVITED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description SCHEDULE_CONFLICT names the patrol held at that time in conflicting_patrol. Codes: `PATROL_NOT_OPEN`, `ALREADY_SIGNED_UP`, `SCHEDULE_CONFLICT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ScheduleConflict"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    withdrawMySignup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `PATROL_ALREADY_STARTED`, `PATROL_NOT_OPEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    removePatrolSignup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patrol_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `PATROL_ALREADY_STARTED`, `PATROL_NOT_OPEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getAttendanceReport: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                format?: "json" | "csv" | "xlsx" | "pdf";
                station_id?: number;
                group_id?: number;
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description format=csv (UTF-8 with BOM), xlsx or pdf answers a file download instead of JSON; generated clients use the download operation of each file type (the same path ending in .csv, .xlsx or .pdf). A file of more rows than the server's limit is refused with 409 EXPORT_TOO_LARGE (row_limit): start it as a background export (POST /export-jobs) instead */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadAttendanceReportCsv: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                station_id?: number;
                group_id?: number;
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadAttendanceReportPdf: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                station_id?: number;
                group_id?: number;
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadAttendanceReportXlsx: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                station_id?: number;
                group_id?: number;
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getVolunteerHoursReport: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                month: string;
                format?: "json" | "csv" | "xlsx" | "pdf";
                /** @description With format=pdf: the group whose approval to certify, needed only when the person's hours were approved in several */
                group_id?: number;
                /** @description With format=pdf: the volunteer whose certificate to issue (volunteers: default and only themself; everyone else must name one) */
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description format=csv (UTF-8 with BOM), xlsx or pdf answers a file download instead of JSON; generated clients use the download operation of each file type (the same path ending in .csv, .xlsx or .pdf). A file of more rows than the server's limit is refused with 409 EXPORT_TOO_LARGE (row_limit): start it as a background export (POST /export-jobs) instead; pdf is a volunteer's certificate of the approved month */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE`, `HOURS_NOT_APPROVED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `CERTIFICATE_PERSON_REQUIRED`, `NOT_A_VOLUNTEER`, `CERTIFICATE_GROUP_REQUIRED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadVolunteerHoursReportCsv: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                month: string;
                /** @description With format=pdf: the group whose approval to certify, needed only when the person's hours were approved in several */
                group_id?: number;
                /** @description With format=pdf: the volunteer whose certificate to issue (volunteers: default and only themself; everyone else must name one) */
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadVolunteerHoursReportPdf: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                month: string;
                /** @description With format=pdf: the group whose approval to certify, needed only when the person's hours were approved in several */
                group_id?: number;
                /** @description With format=pdf: the volunteer whose certificate to issue (volunteers: default and only themself; everyone else must name one) */
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `HOURS_NOT_APPROVED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `CERTIFICATE_PERSON_REQUIRED`, `NOT_A_VOLUNTEER`, `CERTIFICATE_GROUP_REQUIRED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadVolunteerHoursReportXlsx: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                month: string;
                /** @description With format=pdf: the group whose approval to certify, needed only when the person's hours were approved in several */
                group_id?: number;
                /** @description With format=pdf: the volunteer whose certificate to issue (volunteers: default and only themself; everyone else must name one) */
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listHoursApprovals: {
        parameters: {
            query?: {
                group_id?: number;
                month?: string;
                /** @description true: only revoked approvals; false: only standing ones */
                is_revoked?: boolean;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoursApproval"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    approveHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "group_id": 1,
                 *       "month": "2026-11"
                 *     }
                 */
                "application/json": components["schemas"]["ApproveHours"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoursApproval"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `MONTH_NOT_ENDED`, `HOURS_ALREADY_APPROVED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    revokeHoursApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                approval_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeApproval"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoursApproval"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `APPROVAL_ALREADY_REVOKED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getZoneCoverageReport: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                format?: "json" | "csv" | "xlsx" | "pdf";
                kind?: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description format=csv (UTF-8 with BOM), xlsx or pdf answers a file download instead of JSON; generated clients use the download operation of each file type (the same path ending in .csv, .xlsx or .pdf). A file of more rows than the server's limit is refused with 409 EXPORT_TOO_LARGE (row_limit): start it as a background export (POST /export-jobs) instead */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadZoneCoverageReportCsv: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                kind?: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadZoneCoverageReportPdf: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                kind?: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadZoneCoverageReportXlsx: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description First day (Korean calendar) */
                from: string;
                /** @description Last day, included */
                to: string;
                kind?: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `EXPORT_TOO_LARGE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listSosAlerts: {
        parameters: {
            query?: {
                status?: "open" | "acknowledged" | "resolved" | "cancelled";
                /** @description The station of the alert's patrol */
                station_id?: number;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosAlert"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    raiseSos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "accuracy_m": 6.5,
                 *       "client_event_id": "0b6f2c1e-8a3d-4f5e-9c7b-2d1e4f6a8b90",
                 *       "kind": "sos",
                 *       "lat": 37.3897,
                 *       "lon": 126.9508,
                 *       "patrol_id": 7,
                 *       "recorded_at": "2026-12-18T22:41:07+09:00"
                 *     }
                 */
                "application/json": components["schemas"]["SosRaise"];
            };
        };
        responses: {
            /** @description A retry with the same client_event_id, or a new press while the raiser's alert runs: the running alert, nothing new sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosRaised"];
                };
            };
            /** @description Raised: the first tier is being alerted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosRaised"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_A_PARTICIPANT`, `CONSENT_REQUIRED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `SOS_OUTSIDE_WINDOW` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: more than 30 per minute from one person; wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getSosAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosAlertDetail"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    acknowledgeSos: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosAlert"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `SOS_OWN_ALERT`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description SOS_ALREADY_ACKNOWLEDGED names who took it in acknowledged_by. Codes: `SOS_CLOSED`, `SOS_ALREADY_ACKNOWLEDGED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["SosAcknowledgedElsewhere"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    cancelSos: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosAlert"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `SOS_NOT_RAISER` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `SOS_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    sendSosPositions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "positions": [
                 *         {
                 *           "accuracy_m": 7,
                 *           "client_event_id": "5a1c0f3e-2b4d-4e6f-8a9b-0c1d2e3f4a51",
                 *           "lat": 37.3899,
                 *           "lon": 126.9511,
                 *           "recorded_at": "2026-12-18T22:41:12+09:00"
                 *         },
                 *         {
                 *           "accuracy_m": 6,
                 *           "client_event_id": "5a1c0f3e-2b4d-4e6f-8a9b-0c1d2e3f4a52",
                 *           "lat": 37.3901,
                 *           "lon": 126.9514,
                 *           "recorded_at": "2026-12-18T22:41:17+09:00"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SosPositions"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosPositionsResult"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `SOS_NOT_RAISER` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `SOS_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: more than 60 per minute from one person; wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    resolveSos: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SosResolve"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SosAlert"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `SOS_OWN_ALERT`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `SOS_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listStations: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Station"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createStation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StationCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Station"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `STATION_CODE_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `STATION_PARENT_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getStation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Station"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateStation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StationRules"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Station"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listSosIncidents: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description A Korean calendar month (Asia/Seoul) */
                month: string;
                format?: "json" | "csv" | "xlsx";
            };
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description format=csv (UTF-8 with BOM) or xlsx answers a file download instead of JSON; generated clients use the download operation of each (the same path ending in .csv or .xlsx). Station staff of the family and admins; the read is written to the location-access log. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadSosIncidentsCsv: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description A Korean calendar month (Asia/Seoul) */
                month: string;
            };
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadSosIncidentsXlsx: {
        parameters: {
            query: {
                /** @description Headers' language; default: yours */
                lang?: "ko" | "en";
                /** @description A Korean calendar month (Asia/Seoul) */
                month: string;
            };
            header?: never;
            path: {
                station_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                station_id?: number;
                group_id?: number;
                role?: "admin" | "coordinator" | "station_chief" | "officer" | "volunteer";
                is_active?: boolean;
                /** @description Part of the name */
                q?: string;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"][];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "locale": "ko",
                 *       "name": "김민지",
                 *       "password": "밤길-함께-걸어요",
                 *       "phone": "010-3456-7890",
                 *       "role": "volunteer",
                 *       "station_id": 1
                 *     }
                 */
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PHONE_UNAVAILABLE: the number is held at a station you cannot see (ask an admin). Codes: `PHONE_TAKEN`, `PHONE_UNAVAILABLE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `ROLE_NOT_ASSIGNABLE`, `STATION_OUT_OF_SCOPE`, `PASSWORD_TOO_WEAK` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CURRENT_PASSWORD_WRONG: your own password changes only with the present one. Codes: `FORBIDDEN`, `CURRENT_PASSWORD_WRONG` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PHONE_UNAVAILABLE: the number is held at a station you cannot see (ask an admin). Codes: `PHONE_TAKEN`, `PHONE_UNAVAILABLE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `ROLE_NOT_ASSIGNABLE`, `STATION_OUT_OF_SCOPE`, `PASSWORD_TOO_WEAK` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description RATE_LIMITED: wrong current passwords count as failed sign-ins; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listZones: {
        parameters: {
            query?: {
                kind?: "dense_area" | "women_safe_zone" | "safe_return_route" | "safe_house" | "other";
                station_id?: number;
                /** @description Only zones intersecting minLon,minLat,maxLon,maxLat */
                bbox?: string;
                /** @description true (with station_id): every zone of the station in one FeatureCollection, for a map, page and page_size aside; at most 2000, with truncated: true when there are more */
                all?: boolean;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Pagination": components["headers"]["PAGINATION"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneCollection"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createZone: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "geometry": {
                 *         "coordinates": [
                 *           [
                 *             [
                 *               126.9497,
                 *               37.38885
                 *             ],
                 *             [
                 *               126.95195,
                 *               37.3889
                 *             ],
                 *             [
                 *               126.952,
                 *               37.3905
                 *             ],
                 *             [
                 *               126.9497,
                 *               37.38885
                 *             ]
                 *           ]
                 *         ],
                 *         "type": "Polygon"
                 *       },
                 *       "properties": {
                 *         "kind": "dense_area",
                 *         "name": "범계역 광장",
                 *         "note": "심야 귀가 인파",
                 *         "station_id": 1
                 *       },
                 *       "type": "Feature"
                 *     }
                 */
                "application/json": components["schemas"]["ZoneFeature"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneOut"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `GEOMETRY_INVALID`, `GEOMETRY_SELF_INTERSECTION`, `GEOMETRY_RING_NOT_CLOSED`, `GEOMETRY_COORDINATES_OUT_OF_RANGE`, `GEOMETRY_HAS_Z`, `GEOMETRY_TYPE_MISMATCH`, `ZONE_OUTSIDE_SERVICE_AREA`, `STATION_OUT_OF_SCOPE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    importZones: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ZoneImport"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneImportResult"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing is stored; errors name the feature by its index. Codes: `GEOMETRY_INVALID`, `GEOMETRY_SELF_INTERSECTION`, `GEOMETRY_RING_NOT_CLOSED`, `GEOMETRY_COORDINATES_OUT_OF_RANGE`, `GEOMETRY_HAS_Z`, `GEOMETRY_TYPE_MISMATCH`, `ZONE_OUTSIDE_SERVICE_AREA`, `STATION_OUT_OF_SCOPE`, `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getZone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                zone_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneOut"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteZone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                zone_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `ZONE_IN_USE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateZone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                zone_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ZonePatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneOut"];
                };
            };
            /** @description Codes: `UNAUTHORIZED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Codes: `VALIDATION_ERROR`, `GEOMETRY_INVALID`, `GEOMETRY_SELF_INTERSECTION`, `GEOMETRY_RING_NOT_CLOSED`, `GEOMETRY_COORDINATES_OUT_OF_RANGE`, `GEOMETRY_HAS_Z`, `GEOMETRY_TYPE_MISMATCH`, `ZONE_OUTSIDE_SERVICE_AREA`, `STATION_OUT_OF_SCOPE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
}
