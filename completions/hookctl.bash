_hookctl() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="hookctl"
                ;;
            hookctl,completions)
                cmd="hookctl__subcmd__completions"
                ;;
            hookctl,events)
                cmd="hookctl__subcmd__events"
                ;;
            hookctl,help)
                cmd="hookctl__subcmd__help"
                ;;
            hookctl,init)
                cmd="hookctl__subcmd__init"
                ;;
            hookctl,inspect)
                cmd="hookctl__subcmd__inspect"
                ;;
            hookctl,listen)
                cmd="hookctl__subcmd__listen"
                ;;
            hookctl,load)
                cmd="hookctl__subcmd__load"
                ;;
            hookctl,logs)
                cmd="hookctl__subcmd__logs"
                ;;
            hookctl,man)
                cmd="hookctl__subcmd__man"
                ;;
            hookctl,monitor)
                cmd="hookctl__subcmd__monitor"
                ;;
            hookctl,providers)
                cmd="hookctl__subcmd__providers"
                ;;
            hookctl,relay)
                cmd="hookctl__subcmd__relay"
                ;;
            hookctl,replay)
                cmd="hookctl__subcmd__replay"
                ;;
            hookctl,sign)
                cmd="hookctl__subcmd__sign"
                ;;
            hookctl,trigger)
                cmd="hookctl__subcmd__trigger"
                ;;
            hookctl,validate)
                cmd="hookctl__subcmd__validate"
                ;;
            hookctl,verify)
                cmd="hookctl__subcmd__verify"
                ;;
            hookctl__subcmd__events,help)
                cmd="hookctl__subcmd__events__subcmd__help"
                ;;
            hookctl__subcmd__events,lint)
                cmd="hookctl__subcmd__events__subcmd__lint"
                ;;
            hookctl__subcmd__events,list)
                cmd="hookctl__subcmd__events__subcmd__list"
                ;;
            hookctl__subcmd__events,show)
                cmd="hookctl__subcmd__events__subcmd__show"
                ;;
            hookctl__subcmd__events__subcmd__help,help)
                cmd="hookctl__subcmd__events__subcmd__help__subcmd__help"
                ;;
            hookctl__subcmd__events__subcmd__help,lint)
                cmd="hookctl__subcmd__events__subcmd__help__subcmd__lint"
                ;;
            hookctl__subcmd__events__subcmd__help,list)
                cmd="hookctl__subcmd__events__subcmd__help__subcmd__list"
                ;;
            hookctl__subcmd__events__subcmd__help,show)
                cmd="hookctl__subcmd__events__subcmd__help__subcmd__show"
                ;;
            hookctl__subcmd__help,completions)
                cmd="hookctl__subcmd__help__subcmd__completions"
                ;;
            hookctl__subcmd__help,events)
                cmd="hookctl__subcmd__help__subcmd__events"
                ;;
            hookctl__subcmd__help,help)
                cmd="hookctl__subcmd__help__subcmd__help"
                ;;
            hookctl__subcmd__help,init)
                cmd="hookctl__subcmd__help__subcmd__init"
                ;;
            hookctl__subcmd__help,inspect)
                cmd="hookctl__subcmd__help__subcmd__inspect"
                ;;
            hookctl__subcmd__help,listen)
                cmd="hookctl__subcmd__help__subcmd__listen"
                ;;
            hookctl__subcmd__help,load)
                cmd="hookctl__subcmd__help__subcmd__load"
                ;;
            hookctl__subcmd__help,logs)
                cmd="hookctl__subcmd__help__subcmd__logs"
                ;;
            hookctl__subcmd__help,man)
                cmd="hookctl__subcmd__help__subcmd__man"
                ;;
            hookctl__subcmd__help,monitor)
                cmd="hookctl__subcmd__help__subcmd__monitor"
                ;;
            hookctl__subcmd__help,providers)
                cmd="hookctl__subcmd__help__subcmd__providers"
                ;;
            hookctl__subcmd__help,relay)
                cmd="hookctl__subcmd__help__subcmd__relay"
                ;;
            hookctl__subcmd__help,replay)
                cmd="hookctl__subcmd__help__subcmd__replay"
                ;;
            hookctl__subcmd__help,sign)
                cmd="hookctl__subcmd__help__subcmd__sign"
                ;;
            hookctl__subcmd__help,trigger)
                cmd="hookctl__subcmd__help__subcmd__trigger"
                ;;
            hookctl__subcmd__help,validate)
                cmd="hookctl__subcmd__help__subcmd__validate"
                ;;
            hookctl__subcmd__help,verify)
                cmd="hookctl__subcmd__help__subcmd__verify"
                ;;
            hookctl__subcmd__help__subcmd__events,lint)
                cmd="hookctl__subcmd__help__subcmd__events__subcmd__lint"
                ;;
            hookctl__subcmd__help__subcmd__events,list)
                cmd="hookctl__subcmd__help__subcmd__events__subcmd__list"
                ;;
            hookctl__subcmd__help__subcmd__events,show)
                cmd="hookctl__subcmd__help__subcmd__events__subcmd__show"
                ;;
            hookctl__subcmd__help__subcmd__logs,export)
                cmd="hookctl__subcmd__help__subcmd__logs__subcmd__export"
                ;;
            hookctl__subcmd__help__subcmd__logs,import)
                cmd="hookctl__subcmd__help__subcmd__logs__subcmd__import"
                ;;
            hookctl__subcmd__help__subcmd__logs,prune)
                cmd="hookctl__subcmd__help__subcmd__logs__subcmd__prune"
                ;;
            hookctl__subcmd__help__subcmd__logs,show)
                cmd="hookctl__subcmd__help__subcmd__logs__subcmd__show"
                ;;
            hookctl__subcmd__help__subcmd__logs,stats)
                cmd="hookctl__subcmd__help__subcmd__logs__subcmd__stats"
                ;;
            hookctl__subcmd__help__subcmd__logs,tail)
                cmd="hookctl__subcmd__help__subcmd__logs__subcmd__tail"
                ;;
            hookctl__subcmd__help__subcmd__monitor,report)
                cmd="hookctl__subcmd__help__subcmd__monitor__subcmd__report"
                ;;
            hookctl__subcmd__logs,export)
                cmd="hookctl__subcmd__logs__subcmd__export"
                ;;
            hookctl__subcmd__logs,help)
                cmd="hookctl__subcmd__logs__subcmd__help"
                ;;
            hookctl__subcmd__logs,import)
                cmd="hookctl__subcmd__logs__subcmd__import"
                ;;
            hookctl__subcmd__logs,prune)
                cmd="hookctl__subcmd__logs__subcmd__prune"
                ;;
            hookctl__subcmd__logs,show)
                cmd="hookctl__subcmd__logs__subcmd__show"
                ;;
            hookctl__subcmd__logs,stats)
                cmd="hookctl__subcmd__logs__subcmd__stats"
                ;;
            hookctl__subcmd__logs,tail)
                cmd="hookctl__subcmd__logs__subcmd__tail"
                ;;
            hookctl__subcmd__logs__subcmd__help,export)
                cmd="hookctl__subcmd__logs__subcmd__help__subcmd__export"
                ;;
            hookctl__subcmd__logs__subcmd__help,help)
                cmd="hookctl__subcmd__logs__subcmd__help__subcmd__help"
                ;;
            hookctl__subcmd__logs__subcmd__help,import)
                cmd="hookctl__subcmd__logs__subcmd__help__subcmd__import"
                ;;
            hookctl__subcmd__logs__subcmd__help,prune)
                cmd="hookctl__subcmd__logs__subcmd__help__subcmd__prune"
                ;;
            hookctl__subcmd__logs__subcmd__help,show)
                cmd="hookctl__subcmd__logs__subcmd__help__subcmd__show"
                ;;
            hookctl__subcmd__logs__subcmd__help,stats)
                cmd="hookctl__subcmd__logs__subcmd__help__subcmd__stats"
                ;;
            hookctl__subcmd__logs__subcmd__help,tail)
                cmd="hookctl__subcmd__logs__subcmd__help__subcmd__tail"
                ;;
            hookctl__subcmd__monitor,help)
                cmd="hookctl__subcmd__monitor__subcmd__help"
                ;;
            hookctl__subcmd__monitor,report)
                cmd="hookctl__subcmd__monitor__subcmd__report"
                ;;
            hookctl__subcmd__monitor__subcmd__help,help)
                cmd="hookctl__subcmd__monitor__subcmd__help__subcmd__help"
                ;;
            hookctl__subcmd__monitor__subcmd__help,report)
                cmd="hookctl__subcmd__monitor__subcmd__help__subcmd__report"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        hookctl)
            opts="-q -v -h -V --json --color --quiet --verbose --config --db --no-input --help --version providers sign verify trigger replay validate monitor init logs events inspect listen relay load completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__completions)
            opts="-q -v -h --json --color --quiet --verbose --config --db --no-input --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events)
            opts="-p -q -v -h --provider --catalog --json --color --quiet --verbose --config --db --no-input --help list show lint help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "business calendly clerk commerce crm discord github hubspot intercom linear mailgun paddle pagerduty sendgrid shopify slack square standard-webhooks stripe svix twilio twitch typeform wedding zoom" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "business calendly clerk commerce crm discord github hubspot intercom linear mailgun paddle pagerduty sendgrid shopify slack square standard-webhooks stripe svix twilio twitch typeform wedding zoom" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__help)
            opts="list show lint help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__help__subcmd__lint)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__lint)
            opts="-e -q -v -h --event --catalog --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -W "calendly.invitee.created calendly.invitee.canceled calendly.invitee_no_show.created calendly.invitee_no_show.deleted calendly.routing_form_submission.created clerk.user.created clerk.user.updated clerk.user.deleted clerk.session.created clerk.session.ended clerk.session.removed clerk.session.revoked clerk.email.created clerk.sms.created clerk.organization.created clerk.organization.updated clerk.organization.deleted clerk.organizationMembership.created clerk.organizationInvitation.created discord.interaction.ping discord.interaction.application_command discord.interaction.message_component discord.interaction.modal_submit discord.webhook.ping discord.application_authorized discord.application_deauthorized discord.entitlement_create github.ping github.push github.create github.delete github.fork github.status github.workflow_dispatch github.watch github.deployment github.deployment_status github.commit_comment github.pull_request github.pull_request.opened github.pull_request.closed github.pull_request.reopened github.pull_request.synchronize github.pull_request.edited github.pull_request.labeled github.pull_request.review_requested github.pull_request.ready_for_review github.pull_request.assigned github.pull_request.unassigned github.pull_request.unlabeled github.pull_request.converted_to_draft github.pull_request.review_request_removed github.pull_request.milestoned github.pull_request.locked github.pull_request.unlocked github.pull_request_review github.pull_request_review.submitted github.pull_request_review.edited github.pull_request_review.dismissed github.pull_request_review_comment github.pull_request_review_comment.created github.pull_request_review_comment.edited github.pull_request_review_comment.deleted github.issues github.issues.opened github.issues.closed github.issues.reopened github.issues.edited github.issues.labeled github.issues.assigned github.issues.unassigned github.issues.unlabeled github.issues.milestoned github.issues.locked github.issues.unlocked github.issues.deleted github.issue_comment github.issue_comment.created github.issue_comment.edited github.issue_comment.deleted github.release github.release.published github.release.created github.release.released github.release.edited github.release.prereleased github.release.unpublished github.release.deleted github.workflow_run github.workflow_run.completed github.workflow_run.requested github.workflow_run.in_progress github.workflow_job github.workflow_job.completed github.workflow_job.queued github.workflow_job.in_progress github.workflow_job.waiting github.check_run github.check_run.completed github.check_run.created github.check_run.rerequested github.check_run.requested_action github.check_suite github.check_suite.completed github.check_suite.requested github.check_suite.rerequested github.star github.star.created github.star.deleted github.repository github.repository.created github.repository.renamed github.repository.archived github.repository.unarchived github.repository.publicized github.repository.privatized github.repository.deleted github.member github.member.added github.member.removed github.member.edited github.label github.label.created github.label.edited github.label.deleted github.milestone github.milestone.created github.milestone.closed github.milestone.opened github.milestone.edited github.milestone.deleted github.discussion github.discussion.created github.discussion.edited github.discussion.answered github.installation github.installation.created github.installation.deleted github.installation.suspend github.installation.unsuspend github.installation.new_permissions_accepted github.installation_repositories github.installation_repositories.added github.installation_repositories.removed github.package github.package.published github.package.updated github.security_advisory github.security_advisory.published github.security_advisory.updated github.security_advisory.withdrawn github.security_advisory.performed github.dependabot_alert github.dependabot_alert.created github.dependabot_alert.dismissed github.dependabot_alert.fixed github.dependabot_alert.reintroduced github.dependabot_alert.reopened github.secret_scanning_alert github.secret_scanning_alert.created github.secret_scanning_alert.reopened github.secret_scanning_alert.resolved github.secret_scanning_alert.revoked hubspot.contact.creation hubspot.contact.deletion hubspot.contact.propertyChange hubspot.contact.merge hubspot.contact.associationChange hubspot.contact.privacyDeletion hubspot.company.creation hubspot.company.deletion hubspot.company.propertyChange hubspot.deal.creation hubspot.deal.deletion hubspot.deal.propertyChange hubspot.ticket.creation hubspot.ticket.deletion hubspot.ticket.propertyChange hubspot.conversation.creation hubspot.conversation.newMessage intercom.ping intercom.conversation.user.created intercom.conversation.user.replied intercom.conversation.admin.replied intercom.conversation.admin.assigned intercom.conversation.admin.closed intercom.conversation.admin.opened intercom.conversation.admin.snoozed intercom.contact.user.created intercom.contact.lead.created intercom.contact.user.updated intercom.company.created intercom.ticket.created linear.issue.create linear.issue.update linear.issue.remove linear.comment.create linear.comment.update linear.project.create linear.project.update linear.projectupdate.create linear.cycle.create linear.issuelabel.create linear.reaction.create mailgun.accepted mailgun.delivered mailgun.failed.permanent mailgun.failed.temporary mailgun.opened mailgun.clicked mailgun.unsubscribed mailgun.complained paddle.transaction.created paddle.transaction.ready paddle.transaction.paid paddle.transaction.completed paddle.transaction.payment_failed paddle.subscription.created paddle.subscription.activated paddle.subscription.updated paddle.subscription.past_due paddle.subscription.paused paddle.subscription.canceled paddle.customer.created paddle.customer.updated paddle.adjustment.created pagerduty.incident.triggered pagerduty.incident.acknowledged pagerduty.incident.unacknowledged pagerduty.incident.resolved pagerduty.incident.reopened pagerduty.incident.escalated pagerduty.incident.reassigned pagerduty.incident.delegated pagerduty.incident.priority_updated pagerduty.incident.annotated pagerduty.incident.responder.added pagerduty.service.updated sendgrid.processed sendgrid.delivered sendgrid.deferred sendgrid.dropped sendgrid.bounce sendgrid.open sendgrid.click sendgrid.spamreport sendgrid.unsubscribe sendgrid.group_unsubscribe sendgrid.group_resubscribe shopify.orders.create shopify.orders.updated shopify.orders.paid shopify.orders.cancelled shopify.orders.fulfilled shopify.orders.partially_fulfilled shopify.orders.delete shopify.products.create shopify.products.update shopify.products.delete shopify.customers.create shopify.customers.update shopify.customers.delete shopify.carts.create shopify.carts.update shopify.checkouts.create shopify.checkouts.update shopify.refunds.create shopify.fulfillments.create shopify.fulfillments.update shopify.inventory_levels.update shopify.app.uninstalled shopify.shop.update shopify.collections.create shopify.draft_orders.create slack.url_verification slack.app_mention slack.message.channels slack.message.im slack.message.groups slack.reaction_added slack.reaction_removed slack.member_joined_channel slack.channel_created slack.team_join slack.user_change slack.app_home_opened slack.app_uninstalled slack.slash_command slack.block_actions square.payment.created square.payment.updated square.refund.created square.refund.updated square.order.created square.order.updated square.order.fulfillment.updated square.customer.created square.customer.updated square.customer.deleted square.invoice.published square.invoice.payment_made square.booking.created square.inventory.count.updated standard-webhooks.ping standard-webhooks.contact.created standard-webhooks.invoice.paid standard-webhooks.user.deleted stripe.payment_intent.created stripe.payment_intent.succeeded stripe.payment_intent.payment_failed stripe.payment_intent.canceled stripe.payment_intent.processing stripe.payment_intent.requires_action stripe.payment_intent.amount_capturable_updated stripe.charge.succeeded stripe.charge.failed stripe.charge.refunded stripe.charge.captured stripe.charge.updated stripe.charge.dispute.created stripe.charge.dispute.closed stripe.invoice.created stripe.invoice.finalized stripe.invoice.paid stripe.invoice.payment_succeeded stripe.invoice.payment_failed stripe.invoice.upcoming stripe.invoice.sent stripe.invoice.voided stripe.invoice.marked_uncollectible stripe.customer.subscription.created stripe.customer.subscription.updated stripe.customer.subscription.deleted stripe.customer.subscription.trial_will_end stripe.customer.subscription.paused stripe.customer.subscription.resumed stripe.checkout.session.completed stripe.checkout.session.expired stripe.checkout.session.async_payment_succeeded stripe.checkout.session.async_payment_failed stripe.customer.created stripe.customer.updated stripe.customer.deleted stripe.payout.paid stripe.payout.failed stripe.refund.created stripe.product.created stripe.price.created svix.message.attempt.exhausted svix.message.attempt.failing svix.message.attempt.recovered svix.endpoint.created svix.endpoint.updated svix.endpoint.deleted svix.endpoint.disabled twilio.message.received twilio.message.status twilio.call.incoming twilio.call.status twilio.recording.completed twilio.transcription.completed twitch.webhook_callback_verification twitch.revocation twitch.stream.online twitch.stream.offline twitch.channel.follow twitch.channel.subscribe twitch.channel.subscription.gift twitch.channel.cheer twitch.channel.raid twitch.channel.update twitch.channel.ban twitch.channel.channel_points_custom_reward_redemption.add typeform.form_response typeform.form_response_partial zoom.endpoint.url_validation zoom.meeting.created zoom.meeting.updated zoom.meeting.deleted zoom.meeting.started zoom.meeting.ended zoom.meeting.participant_joined zoom.meeting.participant_left zoom.recording.completed zoom.webinar.created zoom.webinar.started zoom.user.created zoom.user.updated business.created business.updated business.verified business.deleted review.created review.updated review.responded review.moderated user.registered user.subscription_changed api.rate_limit_exceeded api.quota_warning ticket.created ticket.updated ticket.status_changed ticket.priority_changed ticket.assigned ticket.commented ticket.resolved ticket.closed contact.created contact.updated contact.deleted conversation.started conversation.ended automation_rule.executed automation_rule.failed message.received message.sent sla.breached payment.received payment.succeeded payment.failed payment.refunded customer.created customer.updated sales_order.created sales_order.confirmed sales_order.cancelled invoice.created invoice.sent invoice.authorized invoice.rejected invoice.cancelled invoice.paid client.created form.submitted journey.completed wedding.date_changed booking.guest_count_changed" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "calendly.invitee.created calendly.invitee.canceled calendly.invitee_no_show.created calendly.invitee_no_show.deleted calendly.routing_form_submission.created clerk.user.created clerk.user.updated clerk.user.deleted clerk.session.created clerk.session.ended clerk.session.removed clerk.session.revoked clerk.email.created clerk.sms.created clerk.organization.created clerk.organization.updated clerk.organization.deleted clerk.organizationMembership.created clerk.organizationInvitation.created discord.interaction.ping discord.interaction.application_command discord.interaction.message_component discord.interaction.modal_submit discord.webhook.ping discord.application_authorized discord.application_deauthorized discord.entitlement_create github.ping github.push github.create github.delete github.fork github.status github.workflow_dispatch github.watch github.deployment github.deployment_status github.commit_comment github.pull_request github.pull_request.opened github.pull_request.closed github.pull_request.reopened github.pull_request.synchronize github.pull_request.edited github.pull_request.labeled github.pull_request.review_requested github.pull_request.ready_for_review github.pull_request.assigned github.pull_request.unassigned github.pull_request.unlabeled github.pull_request.converted_to_draft github.pull_request.review_request_removed github.pull_request.milestoned github.pull_request.locked github.pull_request.unlocked github.pull_request_review github.pull_request_review.submitted github.pull_request_review.edited github.pull_request_review.dismissed github.pull_request_review_comment github.pull_request_review_comment.created github.pull_request_review_comment.edited github.pull_request_review_comment.deleted github.issues github.issues.opened github.issues.closed github.issues.reopened github.issues.edited github.issues.labeled github.issues.assigned github.issues.unassigned github.issues.unlabeled github.issues.milestoned github.issues.locked github.issues.unlocked github.issues.deleted github.issue_comment github.issue_comment.created github.issue_comment.edited github.issue_comment.deleted github.release github.release.published github.release.created github.release.released github.release.edited github.release.prereleased github.release.unpublished github.release.deleted github.workflow_run github.workflow_run.completed github.workflow_run.requested github.workflow_run.in_progress github.workflow_job github.workflow_job.completed github.workflow_job.queued github.workflow_job.in_progress github.workflow_job.waiting github.check_run github.check_run.completed github.check_run.created github.check_run.rerequested github.check_run.requested_action github.check_suite github.check_suite.completed github.check_suite.requested github.check_suite.rerequested github.star github.star.created github.star.deleted github.repository github.repository.created github.repository.renamed github.repository.archived github.repository.unarchived github.repository.publicized github.repository.privatized github.repository.deleted github.member github.member.added github.member.removed github.member.edited github.label github.label.created github.label.edited github.label.deleted github.milestone github.milestone.created github.milestone.closed github.milestone.opened github.milestone.edited github.milestone.deleted github.discussion github.discussion.created github.discussion.edited github.discussion.answered github.installation github.installation.created github.installation.deleted github.installation.suspend github.installation.unsuspend github.installation.new_permissions_accepted github.installation_repositories github.installation_repositories.added github.installation_repositories.removed github.package github.package.published github.package.updated github.security_advisory github.security_advisory.published github.security_advisory.updated github.security_advisory.withdrawn github.security_advisory.performed github.dependabot_alert github.dependabot_alert.created github.dependabot_alert.dismissed github.dependabot_alert.fixed github.dependabot_alert.reintroduced github.dependabot_alert.reopened github.secret_scanning_alert github.secret_scanning_alert.created github.secret_scanning_alert.reopened github.secret_scanning_alert.resolved github.secret_scanning_alert.revoked hubspot.contact.creation hubspot.contact.deletion hubspot.contact.propertyChange hubspot.contact.merge hubspot.contact.associationChange hubspot.contact.privacyDeletion hubspot.company.creation hubspot.company.deletion hubspot.company.propertyChange hubspot.deal.creation hubspot.deal.deletion hubspot.deal.propertyChange hubspot.ticket.creation hubspot.ticket.deletion hubspot.ticket.propertyChange hubspot.conversation.creation hubspot.conversation.newMessage intercom.ping intercom.conversation.user.created intercom.conversation.user.replied intercom.conversation.admin.replied intercom.conversation.admin.assigned intercom.conversation.admin.closed intercom.conversation.admin.opened intercom.conversation.admin.snoozed intercom.contact.user.created intercom.contact.lead.created intercom.contact.user.updated intercom.company.created intercom.ticket.created linear.issue.create linear.issue.update linear.issue.remove linear.comment.create linear.comment.update linear.project.create linear.project.update linear.projectupdate.create linear.cycle.create linear.issuelabel.create linear.reaction.create mailgun.accepted mailgun.delivered mailgun.failed.permanent mailgun.failed.temporary mailgun.opened mailgun.clicked mailgun.unsubscribed mailgun.complained paddle.transaction.created paddle.transaction.ready paddle.transaction.paid paddle.transaction.completed paddle.transaction.payment_failed paddle.subscription.created paddle.subscription.activated paddle.subscription.updated paddle.subscription.past_due paddle.subscription.paused paddle.subscription.canceled paddle.customer.created paddle.customer.updated paddle.adjustment.created pagerduty.incident.triggered pagerduty.incident.acknowledged pagerduty.incident.unacknowledged pagerduty.incident.resolved pagerduty.incident.reopened pagerduty.incident.escalated pagerduty.incident.reassigned pagerduty.incident.delegated pagerduty.incident.priority_updated pagerduty.incident.annotated pagerduty.incident.responder.added pagerduty.service.updated sendgrid.processed sendgrid.delivered sendgrid.deferred sendgrid.dropped sendgrid.bounce sendgrid.open sendgrid.click sendgrid.spamreport sendgrid.unsubscribe sendgrid.group_unsubscribe sendgrid.group_resubscribe shopify.orders.create shopify.orders.updated shopify.orders.paid shopify.orders.cancelled shopify.orders.fulfilled shopify.orders.partially_fulfilled shopify.orders.delete shopify.products.create shopify.products.update shopify.products.delete shopify.customers.create shopify.customers.update shopify.customers.delete shopify.carts.create shopify.carts.update shopify.checkouts.create shopify.checkouts.update shopify.refunds.create shopify.fulfillments.create shopify.fulfillments.update shopify.inventory_levels.update shopify.app.uninstalled shopify.shop.update shopify.collections.create shopify.draft_orders.create slack.url_verification slack.app_mention slack.message.channels slack.message.im slack.message.groups slack.reaction_added slack.reaction_removed slack.member_joined_channel slack.channel_created slack.team_join slack.user_change slack.app_home_opened slack.app_uninstalled slack.slash_command slack.block_actions square.payment.created square.payment.updated square.refund.created square.refund.updated square.order.created square.order.updated square.order.fulfillment.updated square.customer.created square.customer.updated square.customer.deleted square.invoice.published square.invoice.payment_made square.booking.created square.inventory.count.updated standard-webhooks.ping standard-webhooks.contact.created standard-webhooks.invoice.paid standard-webhooks.user.deleted stripe.payment_intent.created stripe.payment_intent.succeeded stripe.payment_intent.payment_failed stripe.payment_intent.canceled stripe.payment_intent.processing stripe.payment_intent.requires_action stripe.payment_intent.amount_capturable_updated stripe.charge.succeeded stripe.charge.failed stripe.charge.refunded stripe.charge.captured stripe.charge.updated stripe.charge.dispute.created stripe.charge.dispute.closed stripe.invoice.created stripe.invoice.finalized stripe.invoice.paid stripe.invoice.payment_succeeded stripe.invoice.payment_failed stripe.invoice.upcoming stripe.invoice.sent stripe.invoice.voided stripe.invoice.marked_uncollectible stripe.customer.subscription.created stripe.customer.subscription.updated stripe.customer.subscription.deleted stripe.customer.subscription.trial_will_end stripe.customer.subscription.paused stripe.customer.subscription.resumed stripe.checkout.session.completed stripe.checkout.session.expired stripe.checkout.session.async_payment_succeeded stripe.checkout.session.async_payment_failed stripe.customer.created stripe.customer.updated stripe.customer.deleted stripe.payout.paid stripe.payout.failed stripe.refund.created stripe.product.created stripe.price.created svix.message.attempt.exhausted svix.message.attempt.failing svix.message.attempt.recovered svix.endpoint.created svix.endpoint.updated svix.endpoint.deleted svix.endpoint.disabled twilio.message.received twilio.message.status twilio.call.incoming twilio.call.status twilio.recording.completed twilio.transcription.completed twitch.webhook_callback_verification twitch.revocation twitch.stream.online twitch.stream.offline twitch.channel.follow twitch.channel.subscribe twitch.channel.subscription.gift twitch.channel.cheer twitch.channel.raid twitch.channel.update twitch.channel.ban twitch.channel.channel_points_custom_reward_redemption.add typeform.form_response typeform.form_response_partial zoom.endpoint.url_validation zoom.meeting.created zoom.meeting.updated zoom.meeting.deleted zoom.meeting.started zoom.meeting.ended zoom.meeting.participant_joined zoom.meeting.participant_left zoom.recording.completed zoom.webinar.created zoom.webinar.started zoom.user.created zoom.user.updated business.created business.updated business.verified business.deleted review.created review.updated review.responded review.moderated user.registered user.subscription_changed api.rate_limit_exceeded api.quota_warning ticket.created ticket.updated ticket.status_changed ticket.priority_changed ticket.assigned ticket.commented ticket.resolved ticket.closed contact.created contact.updated contact.deleted conversation.started conversation.ended automation_rule.executed automation_rule.failed message.received message.sent sla.breached payment.received payment.succeeded payment.failed payment.refunded customer.created customer.updated sales_order.created sales_order.confirmed sales_order.cancelled invoice.created invoice.sent invoice.authorized invoice.rejected invoice.cancelled invoice.paid client.created form.submitted journey.completed wedding.date_changed booking.guest_count_changed" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__list)
            opts="-p -q -v -h --provider --catalog --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "business calendly clerk commerce crm discord github hubspot intercom linear mailgun paddle pagerduty sendgrid shopify slack square standard-webhooks stripe svix twilio twitch typeform wedding zoom" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "business calendly clerk commerce crm discord github hubspot intercom linear mailgun paddle pagerduty sendgrid shopify slack square standard-webhooks stripe svix twilio twitch typeform wedding zoom" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__events__subcmd__show)
            opts="-q -v -h --schema --catalog --json --color --quiet --verbose --config --db --no-input --help calendly.invitee.created calendly.invitee.canceled calendly.invitee_no_show.created calendly.invitee_no_show.deleted calendly.routing_form_submission.created clerk.user.created clerk.user.updated clerk.user.deleted clerk.session.created clerk.session.ended clerk.session.removed clerk.session.revoked clerk.email.created clerk.sms.created clerk.organization.created clerk.organization.updated clerk.organization.deleted clerk.organizationMembership.created clerk.organizationInvitation.created discord.interaction.ping discord.interaction.application_command discord.interaction.message_component discord.interaction.modal_submit discord.webhook.ping discord.application_authorized discord.application_deauthorized discord.entitlement_create github.ping github.push github.create github.delete github.fork github.status github.workflow_dispatch github.watch github.deployment github.deployment_status github.commit_comment github.pull_request github.pull_request.opened github.pull_request.closed github.pull_request.reopened github.pull_request.synchronize github.pull_request.edited github.pull_request.labeled github.pull_request.review_requested github.pull_request.ready_for_review github.pull_request.assigned github.pull_request.unassigned github.pull_request.unlabeled github.pull_request.converted_to_draft github.pull_request.review_request_removed github.pull_request.milestoned github.pull_request.locked github.pull_request.unlocked github.pull_request_review github.pull_request_review.submitted github.pull_request_review.edited github.pull_request_review.dismissed github.pull_request_review_comment github.pull_request_review_comment.created github.pull_request_review_comment.edited github.pull_request_review_comment.deleted github.issues github.issues.opened github.issues.closed github.issues.reopened github.issues.edited github.issues.labeled github.issues.assigned github.issues.unassigned github.issues.unlabeled github.issues.milestoned github.issues.locked github.issues.unlocked github.issues.deleted github.issue_comment github.issue_comment.created github.issue_comment.edited github.issue_comment.deleted github.release github.release.published github.release.created github.release.released github.release.edited github.release.prereleased github.release.unpublished github.release.deleted github.workflow_run github.workflow_run.completed github.workflow_run.requested github.workflow_run.in_progress github.workflow_job github.workflow_job.completed github.workflow_job.queued github.workflow_job.in_progress github.workflow_job.waiting github.check_run github.check_run.completed github.check_run.created github.check_run.rerequested github.check_run.requested_action github.check_suite github.check_suite.completed github.check_suite.requested github.check_suite.rerequested github.star github.star.created github.star.deleted github.repository github.repository.created github.repository.renamed github.repository.archived github.repository.unarchived github.repository.publicized github.repository.privatized github.repository.deleted github.member github.member.added github.member.removed github.member.edited github.label github.label.created github.label.edited github.label.deleted github.milestone github.milestone.created github.milestone.closed github.milestone.opened github.milestone.edited github.milestone.deleted github.discussion github.discussion.created github.discussion.edited github.discussion.answered github.installation github.installation.created github.installation.deleted github.installation.suspend github.installation.unsuspend github.installation.new_permissions_accepted github.installation_repositories github.installation_repositories.added github.installation_repositories.removed github.package github.package.published github.package.updated github.security_advisory github.security_advisory.published github.security_advisory.updated github.security_advisory.withdrawn github.security_advisory.performed github.dependabot_alert github.dependabot_alert.created github.dependabot_alert.dismissed github.dependabot_alert.fixed github.dependabot_alert.reintroduced github.dependabot_alert.reopened github.secret_scanning_alert github.secret_scanning_alert.created github.secret_scanning_alert.reopened github.secret_scanning_alert.resolved github.secret_scanning_alert.revoked hubspot.contact.creation hubspot.contact.deletion hubspot.contact.propertyChange hubspot.contact.merge hubspot.contact.associationChange hubspot.contact.privacyDeletion hubspot.company.creation hubspot.company.deletion hubspot.company.propertyChange hubspot.deal.creation hubspot.deal.deletion hubspot.deal.propertyChange hubspot.ticket.creation hubspot.ticket.deletion hubspot.ticket.propertyChange hubspot.conversation.creation hubspot.conversation.newMessage intercom.ping intercom.conversation.user.created intercom.conversation.user.replied intercom.conversation.admin.replied intercom.conversation.admin.assigned intercom.conversation.admin.closed intercom.conversation.admin.opened intercom.conversation.admin.snoozed intercom.contact.user.created intercom.contact.lead.created intercom.contact.user.updated intercom.company.created intercom.ticket.created linear.issue.create linear.issue.update linear.issue.remove linear.comment.create linear.comment.update linear.project.create linear.project.update linear.projectupdate.create linear.cycle.create linear.issuelabel.create linear.reaction.create mailgun.accepted mailgun.delivered mailgun.failed.permanent mailgun.failed.temporary mailgun.opened mailgun.clicked mailgun.unsubscribed mailgun.complained paddle.transaction.created paddle.transaction.ready paddle.transaction.paid paddle.transaction.completed paddle.transaction.payment_failed paddle.subscription.created paddle.subscription.activated paddle.subscription.updated paddle.subscription.past_due paddle.subscription.paused paddle.subscription.canceled paddle.customer.created paddle.customer.updated paddle.adjustment.created pagerduty.incident.triggered pagerduty.incident.acknowledged pagerduty.incident.unacknowledged pagerduty.incident.resolved pagerduty.incident.reopened pagerduty.incident.escalated pagerduty.incident.reassigned pagerduty.incident.delegated pagerduty.incident.priority_updated pagerduty.incident.annotated pagerduty.incident.responder.added pagerduty.service.updated sendgrid.processed sendgrid.delivered sendgrid.deferred sendgrid.dropped sendgrid.bounce sendgrid.open sendgrid.click sendgrid.spamreport sendgrid.unsubscribe sendgrid.group_unsubscribe sendgrid.group_resubscribe shopify.orders.create shopify.orders.updated shopify.orders.paid shopify.orders.cancelled shopify.orders.fulfilled shopify.orders.partially_fulfilled shopify.orders.delete shopify.products.create shopify.products.update shopify.products.delete shopify.customers.create shopify.customers.update shopify.customers.delete shopify.carts.create shopify.carts.update shopify.checkouts.create shopify.checkouts.update shopify.refunds.create shopify.fulfillments.create shopify.fulfillments.update shopify.inventory_levels.update shopify.app.uninstalled shopify.shop.update shopify.collections.create shopify.draft_orders.create slack.url_verification slack.app_mention slack.message.channels slack.message.im slack.message.groups slack.reaction_added slack.reaction_removed slack.member_joined_channel slack.channel_created slack.team_join slack.user_change slack.app_home_opened slack.app_uninstalled slack.slash_command slack.block_actions square.payment.created square.payment.updated square.refund.created square.refund.updated square.order.created square.order.updated square.order.fulfillment.updated square.customer.created square.customer.updated square.customer.deleted square.invoice.published square.invoice.payment_made square.booking.created square.inventory.count.updated standard-webhooks.ping standard-webhooks.contact.created standard-webhooks.invoice.paid standard-webhooks.user.deleted stripe.payment_intent.created stripe.payment_intent.succeeded stripe.payment_intent.payment_failed stripe.payment_intent.canceled stripe.payment_intent.processing stripe.payment_intent.requires_action stripe.payment_intent.amount_capturable_updated stripe.charge.succeeded stripe.charge.failed stripe.charge.refunded stripe.charge.captured stripe.charge.updated stripe.charge.dispute.created stripe.charge.dispute.closed stripe.invoice.created stripe.invoice.finalized stripe.invoice.paid stripe.invoice.payment_succeeded stripe.invoice.payment_failed stripe.invoice.upcoming stripe.invoice.sent stripe.invoice.voided stripe.invoice.marked_uncollectible stripe.customer.subscription.created stripe.customer.subscription.updated stripe.customer.subscription.deleted stripe.customer.subscription.trial_will_end stripe.customer.subscription.paused stripe.customer.subscription.resumed stripe.checkout.session.completed stripe.checkout.session.expired stripe.checkout.session.async_payment_succeeded stripe.checkout.session.async_payment_failed stripe.customer.created stripe.customer.updated stripe.customer.deleted stripe.payout.paid stripe.payout.failed stripe.refund.created stripe.product.created stripe.price.created svix.message.attempt.exhausted svix.message.attempt.failing svix.message.attempt.recovered svix.endpoint.created svix.endpoint.updated svix.endpoint.deleted svix.endpoint.disabled twilio.message.received twilio.message.status twilio.call.incoming twilio.call.status twilio.recording.completed twilio.transcription.completed twitch.webhook_callback_verification twitch.revocation twitch.stream.online twitch.stream.offline twitch.channel.follow twitch.channel.subscribe twitch.channel.subscription.gift twitch.channel.cheer twitch.channel.raid twitch.channel.update twitch.channel.ban twitch.channel.channel_points_custom_reward_redemption.add typeform.form_response typeform.form_response_partial zoom.endpoint.url_validation zoom.meeting.created zoom.meeting.updated zoom.meeting.deleted zoom.meeting.started zoom.meeting.ended zoom.meeting.participant_joined zoom.meeting.participant_left zoom.recording.completed zoom.webinar.created zoom.webinar.started zoom.user.created zoom.user.updated business.created business.updated business.verified business.deleted review.created review.updated review.responded review.moderated user.registered user.subscription_changed api.rate_limit_exceeded api.quota_warning ticket.created ticket.updated ticket.status_changed ticket.priority_changed ticket.assigned ticket.commented ticket.resolved ticket.closed contact.created contact.updated contact.deleted conversation.started conversation.ended automation_rule.executed automation_rule.failed message.received message.sent sla.breached payment.received payment.succeeded payment.failed payment.refunded customer.created customer.updated sales_order.created sales_order.confirmed sales_order.cancelled invoice.created invoice.sent invoice.authorized invoice.rejected invoice.cancelled invoice.paid client.created form.submitted journey.completed wedding.date_changed booking.guest_count_changed"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help)
            opts="providers sign verify trigger replay validate monitor init logs events inspect listen relay load completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__events)
            opts="list show lint"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__events__subcmd__lint)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__events__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__events__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__init)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__listen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__load)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__logs)
            opts="show tail stats export import prune"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__logs__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__logs__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__logs__subcmd__prune)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__logs__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__logs__subcmd__stats)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__logs__subcmd__tail)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__monitor)
            opts="report"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__monitor__subcmd__report)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__providers)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__relay)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__replay)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__trigger)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__init)
            opts="-q -v -h --secret --relay --token --force --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --relay)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__inspect)
            opts="-q -v -h --port --listen --ready-file --no-open --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --listen)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ready-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__listen)
            opts="-q -v -h --forward-to --relay --token --ca-cert --relay-ip --name --port --events --verify-provider --secret --public-key --respond --ready-file --inspect --no-inspect --timeout --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --forward-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --relay)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --relay-ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --events)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verify-provider)
                    COMPREPLY=($(compgen -W "auto airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --respond)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ready-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --inspect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__load)
            opts="-p -H -c -n -d -q -v -h --event --body-file --provider --secret --private-key --key-id --set --data --request-header --catalog --header --algorithm --encoding --prefix --timestamp-header --signed-template --no-sign --concurrency --requests --duration --rate --stage --burst --http2 --ca-cert --timeout --assert --log-sample --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -W "calendly.invitee.created calendly.invitee.canceled calendly.invitee_no_show.created calendly.invitee_no_show.deleted calendly.routing_form_submission.created clerk.user.created clerk.user.updated clerk.user.deleted clerk.session.created clerk.session.ended clerk.session.removed clerk.session.revoked clerk.email.created clerk.sms.created clerk.organization.created clerk.organization.updated clerk.organization.deleted clerk.organizationMembership.created clerk.organizationInvitation.created discord.interaction.ping discord.interaction.application_command discord.interaction.message_component discord.interaction.modal_submit discord.webhook.ping discord.application_authorized discord.application_deauthorized discord.entitlement_create github.ping github.push github.create github.delete github.fork github.status github.workflow_dispatch github.watch github.deployment github.deployment_status github.commit_comment github.pull_request github.pull_request.opened github.pull_request.closed github.pull_request.reopened github.pull_request.synchronize github.pull_request.edited github.pull_request.labeled github.pull_request.review_requested github.pull_request.ready_for_review github.pull_request.assigned github.pull_request.unassigned github.pull_request.unlabeled github.pull_request.converted_to_draft github.pull_request.review_request_removed github.pull_request.milestoned github.pull_request.locked github.pull_request.unlocked github.pull_request_review github.pull_request_review.submitted github.pull_request_review.edited github.pull_request_review.dismissed github.pull_request_review_comment github.pull_request_review_comment.created github.pull_request_review_comment.edited github.pull_request_review_comment.deleted github.issues github.issues.opened github.issues.closed github.issues.reopened github.issues.edited github.issues.labeled github.issues.assigned github.issues.unassigned github.issues.unlabeled github.issues.milestoned github.issues.locked github.issues.unlocked github.issues.deleted github.issue_comment github.issue_comment.created github.issue_comment.edited github.issue_comment.deleted github.release github.release.published github.release.created github.release.released github.release.edited github.release.prereleased github.release.unpublished github.release.deleted github.workflow_run github.workflow_run.completed github.workflow_run.requested github.workflow_run.in_progress github.workflow_job github.workflow_job.completed github.workflow_job.queued github.workflow_job.in_progress github.workflow_job.waiting github.check_run github.check_run.completed github.check_run.created github.check_run.rerequested github.check_run.requested_action github.check_suite github.check_suite.completed github.check_suite.requested github.check_suite.rerequested github.star github.star.created github.star.deleted github.repository github.repository.created github.repository.renamed github.repository.archived github.repository.unarchived github.repository.publicized github.repository.privatized github.repository.deleted github.member github.member.added github.member.removed github.member.edited github.label github.label.created github.label.edited github.label.deleted github.milestone github.milestone.created github.milestone.closed github.milestone.opened github.milestone.edited github.milestone.deleted github.discussion github.discussion.created github.discussion.edited github.discussion.answered github.installation github.installation.created github.installation.deleted github.installation.suspend github.installation.unsuspend github.installation.new_permissions_accepted github.installation_repositories github.installation_repositories.added github.installation_repositories.removed github.package github.package.published github.package.updated github.security_advisory github.security_advisory.published github.security_advisory.updated github.security_advisory.withdrawn github.security_advisory.performed github.dependabot_alert github.dependabot_alert.created github.dependabot_alert.dismissed github.dependabot_alert.fixed github.dependabot_alert.reintroduced github.dependabot_alert.reopened github.secret_scanning_alert github.secret_scanning_alert.created github.secret_scanning_alert.reopened github.secret_scanning_alert.resolved github.secret_scanning_alert.revoked hubspot.contact.creation hubspot.contact.deletion hubspot.contact.propertyChange hubspot.contact.merge hubspot.contact.associationChange hubspot.contact.privacyDeletion hubspot.company.creation hubspot.company.deletion hubspot.company.propertyChange hubspot.deal.creation hubspot.deal.deletion hubspot.deal.propertyChange hubspot.ticket.creation hubspot.ticket.deletion hubspot.ticket.propertyChange hubspot.conversation.creation hubspot.conversation.newMessage intercom.ping intercom.conversation.user.created intercom.conversation.user.replied intercom.conversation.admin.replied intercom.conversation.admin.assigned intercom.conversation.admin.closed intercom.conversation.admin.opened intercom.conversation.admin.snoozed intercom.contact.user.created intercom.contact.lead.created intercom.contact.user.updated intercom.company.created intercom.ticket.created linear.issue.create linear.issue.update linear.issue.remove linear.comment.create linear.comment.update linear.project.create linear.project.update linear.projectupdate.create linear.cycle.create linear.issuelabel.create linear.reaction.create mailgun.accepted mailgun.delivered mailgun.failed.permanent mailgun.failed.temporary mailgun.opened mailgun.clicked mailgun.unsubscribed mailgun.complained paddle.transaction.created paddle.transaction.ready paddle.transaction.paid paddle.transaction.completed paddle.transaction.payment_failed paddle.subscription.created paddle.subscription.activated paddle.subscription.updated paddle.subscription.past_due paddle.subscription.paused paddle.subscription.canceled paddle.customer.created paddle.customer.updated paddle.adjustment.created pagerduty.incident.triggered pagerduty.incident.acknowledged pagerduty.incident.unacknowledged pagerduty.incident.resolved pagerduty.incident.reopened pagerduty.incident.escalated pagerduty.incident.reassigned pagerduty.incident.delegated pagerduty.incident.priority_updated pagerduty.incident.annotated pagerduty.incident.responder.added pagerduty.service.updated sendgrid.processed sendgrid.delivered sendgrid.deferred sendgrid.dropped sendgrid.bounce sendgrid.open sendgrid.click sendgrid.spamreport sendgrid.unsubscribe sendgrid.group_unsubscribe sendgrid.group_resubscribe shopify.orders.create shopify.orders.updated shopify.orders.paid shopify.orders.cancelled shopify.orders.fulfilled shopify.orders.partially_fulfilled shopify.orders.delete shopify.products.create shopify.products.update shopify.products.delete shopify.customers.create shopify.customers.update shopify.customers.delete shopify.carts.create shopify.carts.update shopify.checkouts.create shopify.checkouts.update shopify.refunds.create shopify.fulfillments.create shopify.fulfillments.update shopify.inventory_levels.update shopify.app.uninstalled shopify.shop.update shopify.collections.create shopify.draft_orders.create slack.url_verification slack.app_mention slack.message.channels slack.message.im slack.message.groups slack.reaction_added slack.reaction_removed slack.member_joined_channel slack.channel_created slack.team_join slack.user_change slack.app_home_opened slack.app_uninstalled slack.slash_command slack.block_actions square.payment.created square.payment.updated square.refund.created square.refund.updated square.order.created square.order.updated square.order.fulfillment.updated square.customer.created square.customer.updated square.customer.deleted square.invoice.published square.invoice.payment_made square.booking.created square.inventory.count.updated standard-webhooks.ping standard-webhooks.contact.created standard-webhooks.invoice.paid standard-webhooks.user.deleted stripe.payment_intent.created stripe.payment_intent.succeeded stripe.payment_intent.payment_failed stripe.payment_intent.canceled stripe.payment_intent.processing stripe.payment_intent.requires_action stripe.payment_intent.amount_capturable_updated stripe.charge.succeeded stripe.charge.failed stripe.charge.refunded stripe.charge.captured stripe.charge.updated stripe.charge.dispute.created stripe.charge.dispute.closed stripe.invoice.created stripe.invoice.finalized stripe.invoice.paid stripe.invoice.payment_succeeded stripe.invoice.payment_failed stripe.invoice.upcoming stripe.invoice.sent stripe.invoice.voided stripe.invoice.marked_uncollectible stripe.customer.subscription.created stripe.customer.subscription.updated stripe.customer.subscription.deleted stripe.customer.subscription.trial_will_end stripe.customer.subscription.paused stripe.customer.subscription.resumed stripe.checkout.session.completed stripe.checkout.session.expired stripe.checkout.session.async_payment_succeeded stripe.checkout.session.async_payment_failed stripe.customer.created stripe.customer.updated stripe.customer.deleted stripe.payout.paid stripe.payout.failed stripe.refund.created stripe.product.created stripe.price.created svix.message.attempt.exhausted svix.message.attempt.failing svix.message.attempt.recovered svix.endpoint.created svix.endpoint.updated svix.endpoint.deleted svix.endpoint.disabled twilio.message.received twilio.message.status twilio.call.incoming twilio.call.status twilio.recording.completed twilio.transcription.completed twitch.webhook_callback_verification twitch.revocation twitch.stream.online twitch.stream.offline twitch.channel.follow twitch.channel.subscribe twitch.channel.subscription.gift twitch.channel.cheer twitch.channel.raid twitch.channel.update twitch.channel.ban twitch.channel.channel_points_custom_reward_redemption.add typeform.form_response typeform.form_response_partial zoom.endpoint.url_validation zoom.meeting.created zoom.meeting.updated zoom.meeting.deleted zoom.meeting.started zoom.meeting.ended zoom.meeting.participant_joined zoom.meeting.participant_left zoom.recording.completed zoom.webinar.created zoom.webinar.started zoom.user.created zoom.user.updated business.created business.updated business.verified business.deleted review.created review.updated review.responded review.moderated user.registered user.subscription_changed api.rate_limit_exceeded api.quota_warning ticket.created ticket.updated ticket.status_changed ticket.priority_changed ticket.assigned ticket.commented ticket.resolved ticket.closed contact.created contact.updated contact.deleted conversation.started conversation.ended automation_rule.executed automation_rule.failed message.received message.sent sla.breached payment.received payment.succeeded payment.failed payment.refunded customer.created customer.updated sales_order.created sales_order.confirmed sales_order.cancelled invoice.created invoice.sent invoice.authorized invoice.rejected invoice.cancelled invoice.paid client.created form.submitted journey.completed wedding.date_changed booking.guest_count_changed" -- "${cur}"))
                    return 0
                    ;;
                --body-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signed-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --requests)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -d)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --burst)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --assert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-sample)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs)
            opts="-f -q -v -h --event --status --source --since --until --where --limit --follow --reveal --json --color --quiet --verbose --config --db --no-input --help show tail stats export import prune help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "delivered failed dead received" -- "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "trigger listen replay validate load" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__export)
            opts="-q -v -h --format --event --status --source --since --until --where --redact --reveal --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "jsonl har" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "delivered failed dead received" -- "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "trigger listen replay validate load" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --redact)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help)
            opts="show tail stats export import prune help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help__subcmd__prune)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help__subcmd__stats)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__help__subcmd__tail)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__import)
            opts="-q -v -h --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__prune)
            opts="-q -v -h --older-than --dry-run --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --older-than)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__show)
            opts="-q -v -h --format --redact --reveal --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "pretty raw curl har json" -- "${cur}"))
                    return 0
                    ;;
                --redact)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__stats)
            opts="-q -v -h --event --status --source --since --until --where --by --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "delivered failed dead received" -- "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "trigger listen replay validate load" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --by)
                    COMPREPLY=($(compgen -W "event target status" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__logs__subcmd__tail)
            opts="-q -v -h --event --status --source --since --until --where --limit --reveal --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "delivered failed dead received" -- "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "trigger listen replay validate load" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__man)
            opts="-q -v -h --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__monitor)
            opts="-p -H -q -v -h --interval --timeout --probe --event --provider --secret --private-key --key-id --set --data --request-header --catalog --header --algorithm --encoding --prefix --timestamp-header --signed-template --down-after --degraded --window --alert --alert-secret --metrics --once --keep --ca-cert --smtp --smtp-from --twilio-account --twilio-token --twilio-from --twilio-api --sms-on --json --color --quiet --verbose --config --db --no-input --help report help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --probe)
                    COMPREPLY=($(compgen -W "signed get" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -W "calendly.invitee.created calendly.invitee.canceled calendly.invitee_no_show.created calendly.invitee_no_show.deleted calendly.routing_form_submission.created clerk.user.created clerk.user.updated clerk.user.deleted clerk.session.created clerk.session.ended clerk.session.removed clerk.session.revoked clerk.email.created clerk.sms.created clerk.organization.created clerk.organization.updated clerk.organization.deleted clerk.organizationMembership.created clerk.organizationInvitation.created discord.interaction.ping discord.interaction.application_command discord.interaction.message_component discord.interaction.modal_submit discord.webhook.ping discord.application_authorized discord.application_deauthorized discord.entitlement_create github.ping github.push github.create github.delete github.fork github.status github.workflow_dispatch github.watch github.deployment github.deployment_status github.commit_comment github.pull_request github.pull_request.opened github.pull_request.closed github.pull_request.reopened github.pull_request.synchronize github.pull_request.edited github.pull_request.labeled github.pull_request.review_requested github.pull_request.ready_for_review github.pull_request.assigned github.pull_request.unassigned github.pull_request.unlabeled github.pull_request.converted_to_draft github.pull_request.review_request_removed github.pull_request.milestoned github.pull_request.locked github.pull_request.unlocked github.pull_request_review github.pull_request_review.submitted github.pull_request_review.edited github.pull_request_review.dismissed github.pull_request_review_comment github.pull_request_review_comment.created github.pull_request_review_comment.edited github.pull_request_review_comment.deleted github.issues github.issues.opened github.issues.closed github.issues.reopened github.issues.edited github.issues.labeled github.issues.assigned github.issues.unassigned github.issues.unlabeled github.issues.milestoned github.issues.locked github.issues.unlocked github.issues.deleted github.issue_comment github.issue_comment.created github.issue_comment.edited github.issue_comment.deleted github.release github.release.published github.release.created github.release.released github.release.edited github.release.prereleased github.release.unpublished github.release.deleted github.workflow_run github.workflow_run.completed github.workflow_run.requested github.workflow_run.in_progress github.workflow_job github.workflow_job.completed github.workflow_job.queued github.workflow_job.in_progress github.workflow_job.waiting github.check_run github.check_run.completed github.check_run.created github.check_run.rerequested github.check_run.requested_action github.check_suite github.check_suite.completed github.check_suite.requested github.check_suite.rerequested github.star github.star.created github.star.deleted github.repository github.repository.created github.repository.renamed github.repository.archived github.repository.unarchived github.repository.publicized github.repository.privatized github.repository.deleted github.member github.member.added github.member.removed github.member.edited github.label github.label.created github.label.edited github.label.deleted github.milestone github.milestone.created github.milestone.closed github.milestone.opened github.milestone.edited github.milestone.deleted github.discussion github.discussion.created github.discussion.edited github.discussion.answered github.installation github.installation.created github.installation.deleted github.installation.suspend github.installation.unsuspend github.installation.new_permissions_accepted github.installation_repositories github.installation_repositories.added github.installation_repositories.removed github.package github.package.published github.package.updated github.security_advisory github.security_advisory.published github.security_advisory.updated github.security_advisory.withdrawn github.security_advisory.performed github.dependabot_alert github.dependabot_alert.created github.dependabot_alert.dismissed github.dependabot_alert.fixed github.dependabot_alert.reintroduced github.dependabot_alert.reopened github.secret_scanning_alert github.secret_scanning_alert.created github.secret_scanning_alert.reopened github.secret_scanning_alert.resolved github.secret_scanning_alert.revoked hubspot.contact.creation hubspot.contact.deletion hubspot.contact.propertyChange hubspot.contact.merge hubspot.contact.associationChange hubspot.contact.privacyDeletion hubspot.company.creation hubspot.company.deletion hubspot.company.propertyChange hubspot.deal.creation hubspot.deal.deletion hubspot.deal.propertyChange hubspot.ticket.creation hubspot.ticket.deletion hubspot.ticket.propertyChange hubspot.conversation.creation hubspot.conversation.newMessage intercom.ping intercom.conversation.user.created intercom.conversation.user.replied intercom.conversation.admin.replied intercom.conversation.admin.assigned intercom.conversation.admin.closed intercom.conversation.admin.opened intercom.conversation.admin.snoozed intercom.contact.user.created intercom.contact.lead.created intercom.contact.user.updated intercom.company.created intercom.ticket.created linear.issue.create linear.issue.update linear.issue.remove linear.comment.create linear.comment.update linear.project.create linear.project.update linear.projectupdate.create linear.cycle.create linear.issuelabel.create linear.reaction.create mailgun.accepted mailgun.delivered mailgun.failed.permanent mailgun.failed.temporary mailgun.opened mailgun.clicked mailgun.unsubscribed mailgun.complained paddle.transaction.created paddle.transaction.ready paddle.transaction.paid paddle.transaction.completed paddle.transaction.payment_failed paddle.subscription.created paddle.subscription.activated paddle.subscription.updated paddle.subscription.past_due paddle.subscription.paused paddle.subscription.canceled paddle.customer.created paddle.customer.updated paddle.adjustment.created pagerduty.incident.triggered pagerduty.incident.acknowledged pagerduty.incident.unacknowledged pagerduty.incident.resolved pagerduty.incident.reopened pagerduty.incident.escalated pagerduty.incident.reassigned pagerduty.incident.delegated pagerduty.incident.priority_updated pagerduty.incident.annotated pagerduty.incident.responder.added pagerduty.service.updated sendgrid.processed sendgrid.delivered sendgrid.deferred sendgrid.dropped sendgrid.bounce sendgrid.open sendgrid.click sendgrid.spamreport sendgrid.unsubscribe sendgrid.group_unsubscribe sendgrid.group_resubscribe shopify.orders.create shopify.orders.updated shopify.orders.paid shopify.orders.cancelled shopify.orders.fulfilled shopify.orders.partially_fulfilled shopify.orders.delete shopify.products.create shopify.products.update shopify.products.delete shopify.customers.create shopify.customers.update shopify.customers.delete shopify.carts.create shopify.carts.update shopify.checkouts.create shopify.checkouts.update shopify.refunds.create shopify.fulfillments.create shopify.fulfillments.update shopify.inventory_levels.update shopify.app.uninstalled shopify.shop.update shopify.collections.create shopify.draft_orders.create slack.url_verification slack.app_mention slack.message.channels slack.message.im slack.message.groups slack.reaction_added slack.reaction_removed slack.member_joined_channel slack.channel_created slack.team_join slack.user_change slack.app_home_opened slack.app_uninstalled slack.slash_command slack.block_actions square.payment.created square.payment.updated square.refund.created square.refund.updated square.order.created square.order.updated square.order.fulfillment.updated square.customer.created square.customer.updated square.customer.deleted square.invoice.published square.invoice.payment_made square.booking.created square.inventory.count.updated standard-webhooks.ping standard-webhooks.contact.created standard-webhooks.invoice.paid standard-webhooks.user.deleted stripe.payment_intent.created stripe.payment_intent.succeeded stripe.payment_intent.payment_failed stripe.payment_intent.canceled stripe.payment_intent.processing stripe.payment_intent.requires_action stripe.payment_intent.amount_capturable_updated stripe.charge.succeeded stripe.charge.failed stripe.charge.refunded stripe.charge.captured stripe.charge.updated stripe.charge.dispute.created stripe.charge.dispute.closed stripe.invoice.created stripe.invoice.finalized stripe.invoice.paid stripe.invoice.payment_succeeded stripe.invoice.payment_failed stripe.invoice.upcoming stripe.invoice.sent stripe.invoice.voided stripe.invoice.marked_uncollectible stripe.customer.subscription.created stripe.customer.subscription.updated stripe.customer.subscription.deleted stripe.customer.subscription.trial_will_end stripe.customer.subscription.paused stripe.customer.subscription.resumed stripe.checkout.session.completed stripe.checkout.session.expired stripe.checkout.session.async_payment_succeeded stripe.checkout.session.async_payment_failed stripe.customer.created stripe.customer.updated stripe.customer.deleted stripe.payout.paid stripe.payout.failed stripe.refund.created stripe.product.created stripe.price.created svix.message.attempt.exhausted svix.message.attempt.failing svix.message.attempt.recovered svix.endpoint.created svix.endpoint.updated svix.endpoint.deleted svix.endpoint.disabled twilio.message.received twilio.message.status twilio.call.incoming twilio.call.status twilio.recording.completed twilio.transcription.completed twitch.webhook_callback_verification twitch.revocation twitch.stream.online twitch.stream.offline twitch.channel.follow twitch.channel.subscribe twitch.channel.subscription.gift twitch.channel.cheer twitch.channel.raid twitch.channel.update twitch.channel.ban twitch.channel.channel_points_custom_reward_redemption.add typeform.form_response typeform.form_response_partial zoom.endpoint.url_validation zoom.meeting.created zoom.meeting.updated zoom.meeting.deleted zoom.meeting.started zoom.meeting.ended zoom.meeting.participant_joined zoom.meeting.participant_left zoom.recording.completed zoom.webinar.created zoom.webinar.started zoom.user.created zoom.user.updated business.created business.updated business.verified business.deleted review.created review.updated review.responded review.moderated user.registered user.subscription_changed api.rate_limit_exceeded api.quota_warning ticket.created ticket.updated ticket.status_changed ticket.priority_changed ticket.assigned ticket.commented ticket.resolved ticket.closed contact.created contact.updated contact.deleted conversation.started conversation.ended automation_rule.executed automation_rule.failed message.received message.sent sla.breached payment.received payment.succeeded payment.failed payment.refunded customer.created customer.updated sales_order.created sales_order.confirmed sales_order.cancelled invoice.created invoice.sent invoice.authorized invoice.rejected invoice.cancelled invoice.paid client.created form.submitted journey.completed wedding.date_changed booking.guest_count_changed" -- "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signed-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --down-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --degraded)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --window)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alert-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --metrics)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keep)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smtp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smtp-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --twilio-account)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --twilio-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --twilio-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --twilio-api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sms-on)
                    COMPREPLY=($(compgen -W "down degraded" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__monitor__subcmd__help)
            opts="report help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__monitor__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__monitor__subcmd__help__subcmd__report)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__monitor__subcmd__report)
            opts="-q -v -h --since --until --markdown --min-availability --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-availability)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__providers)
            opts="-q -v -h --json --color --quiet --verbose --config --db --no-input --help airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__relay)
            opts="-q -v -h --listen --public-url --token --tokens-file --max-body --request-timeout --offline --buffer-ttl --buffer-max --data-dir --max-in-flight --header-timeout --tls-cert --tls-key --domain --acme-directory --acme-email --ca-cert --acme-ca-cert --http-listen --threads --cluster --node-url --heartbeat --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --listen)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tokens-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --offline)
                    COMPREPLY=($(compgen -W "buffer reject" -- "${cur}"))
                    return 0
                    ;;
                --buffer-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --buffer-max)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-in-flight)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --acme-directory)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --acme-email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --acme-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-listen)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cluster)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --node-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --heartbeat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__replay)
            opts="-p -c -q -v -h --event --status --source --since --until --where --limit --to --resign --provider --secret --private-key --key-id --rate --concurrency --dry-run --reveal --timeout --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "delivered failed dead received" -- "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "trigger listen replay validate load" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__sign)
            opts="-p -H -q -v -h --provider --secret --private-key --body-file --body --timestamp --id --key-id --url --method --request-header --variant --header --algorithm --encoding --prefix --timestamp-header --signed-template --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --variant)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signed-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__trigger)
            opts="-p -H -n -c -q -v -h --to --name --provider --secret --private-key --key-id --set --data --request-header --catalog --header --algorithm --encoding --prefix --timestamp-header --signed-template --count --concurrency --retries --backoff --max-backoff --timeout --json --color --quiet --verbose --config --db --no-input --help calendly.invitee.created calendly.invitee.canceled calendly.invitee_no_show.created calendly.invitee_no_show.deleted calendly.routing_form_submission.created clerk.user.created clerk.user.updated clerk.user.deleted clerk.session.created clerk.session.ended clerk.session.removed clerk.session.revoked clerk.email.created clerk.sms.created clerk.organization.created clerk.organization.updated clerk.organization.deleted clerk.organizationMembership.created clerk.organizationInvitation.created discord.interaction.ping discord.interaction.application_command discord.interaction.message_component discord.interaction.modal_submit discord.webhook.ping discord.application_authorized discord.application_deauthorized discord.entitlement_create github.ping github.push github.create github.delete github.fork github.status github.workflow_dispatch github.watch github.deployment github.deployment_status github.commit_comment github.pull_request github.pull_request.opened github.pull_request.closed github.pull_request.reopened github.pull_request.synchronize github.pull_request.edited github.pull_request.labeled github.pull_request.review_requested github.pull_request.ready_for_review github.pull_request.assigned github.pull_request.unassigned github.pull_request.unlabeled github.pull_request.converted_to_draft github.pull_request.review_request_removed github.pull_request.milestoned github.pull_request.locked github.pull_request.unlocked github.pull_request_review github.pull_request_review.submitted github.pull_request_review.edited github.pull_request_review.dismissed github.pull_request_review_comment github.pull_request_review_comment.created github.pull_request_review_comment.edited github.pull_request_review_comment.deleted github.issues github.issues.opened github.issues.closed github.issues.reopened github.issues.edited github.issues.labeled github.issues.assigned github.issues.unassigned github.issues.unlabeled github.issues.milestoned github.issues.locked github.issues.unlocked github.issues.deleted github.issue_comment github.issue_comment.created github.issue_comment.edited github.issue_comment.deleted github.release github.release.published github.release.created github.release.released github.release.edited github.release.prereleased github.release.unpublished github.release.deleted github.workflow_run github.workflow_run.completed github.workflow_run.requested github.workflow_run.in_progress github.workflow_job github.workflow_job.completed github.workflow_job.queued github.workflow_job.in_progress github.workflow_job.waiting github.check_run github.check_run.completed github.check_run.created github.check_run.rerequested github.check_run.requested_action github.check_suite github.check_suite.completed github.check_suite.requested github.check_suite.rerequested github.star github.star.created github.star.deleted github.repository github.repository.created github.repository.renamed github.repository.archived github.repository.unarchived github.repository.publicized github.repository.privatized github.repository.deleted github.member github.member.added github.member.removed github.member.edited github.label github.label.created github.label.edited github.label.deleted github.milestone github.milestone.created github.milestone.closed github.milestone.opened github.milestone.edited github.milestone.deleted github.discussion github.discussion.created github.discussion.edited github.discussion.answered github.installation github.installation.created github.installation.deleted github.installation.suspend github.installation.unsuspend github.installation.new_permissions_accepted github.installation_repositories github.installation_repositories.added github.installation_repositories.removed github.package github.package.published github.package.updated github.security_advisory github.security_advisory.published github.security_advisory.updated github.security_advisory.withdrawn github.security_advisory.performed github.dependabot_alert github.dependabot_alert.created github.dependabot_alert.dismissed github.dependabot_alert.fixed github.dependabot_alert.reintroduced github.dependabot_alert.reopened github.secret_scanning_alert github.secret_scanning_alert.created github.secret_scanning_alert.reopened github.secret_scanning_alert.resolved github.secret_scanning_alert.revoked hubspot.contact.creation hubspot.contact.deletion hubspot.contact.propertyChange hubspot.contact.merge hubspot.contact.associationChange hubspot.contact.privacyDeletion hubspot.company.creation hubspot.company.deletion hubspot.company.propertyChange hubspot.deal.creation hubspot.deal.deletion hubspot.deal.propertyChange hubspot.ticket.creation hubspot.ticket.deletion hubspot.ticket.propertyChange hubspot.conversation.creation hubspot.conversation.newMessage intercom.ping intercom.conversation.user.created intercom.conversation.user.replied intercom.conversation.admin.replied intercom.conversation.admin.assigned intercom.conversation.admin.closed intercom.conversation.admin.opened intercom.conversation.admin.snoozed intercom.contact.user.created intercom.contact.lead.created intercom.contact.user.updated intercom.company.created intercom.ticket.created linear.issue.create linear.issue.update linear.issue.remove linear.comment.create linear.comment.update linear.project.create linear.project.update linear.projectupdate.create linear.cycle.create linear.issuelabel.create linear.reaction.create mailgun.accepted mailgun.delivered mailgun.failed.permanent mailgun.failed.temporary mailgun.opened mailgun.clicked mailgun.unsubscribed mailgun.complained paddle.transaction.created paddle.transaction.ready paddle.transaction.paid paddle.transaction.completed paddle.transaction.payment_failed paddle.subscription.created paddle.subscription.activated paddle.subscription.updated paddle.subscription.past_due paddle.subscription.paused paddle.subscription.canceled paddle.customer.created paddle.customer.updated paddle.adjustment.created pagerduty.incident.triggered pagerduty.incident.acknowledged pagerduty.incident.unacknowledged pagerduty.incident.resolved pagerduty.incident.reopened pagerduty.incident.escalated pagerduty.incident.reassigned pagerduty.incident.delegated pagerduty.incident.priority_updated pagerduty.incident.annotated pagerduty.incident.responder.added pagerduty.service.updated sendgrid.processed sendgrid.delivered sendgrid.deferred sendgrid.dropped sendgrid.bounce sendgrid.open sendgrid.click sendgrid.spamreport sendgrid.unsubscribe sendgrid.group_unsubscribe sendgrid.group_resubscribe shopify.orders.create shopify.orders.updated shopify.orders.paid shopify.orders.cancelled shopify.orders.fulfilled shopify.orders.partially_fulfilled shopify.orders.delete shopify.products.create shopify.products.update shopify.products.delete shopify.customers.create shopify.customers.update shopify.customers.delete shopify.carts.create shopify.carts.update shopify.checkouts.create shopify.checkouts.update shopify.refunds.create shopify.fulfillments.create shopify.fulfillments.update shopify.inventory_levels.update shopify.app.uninstalled shopify.shop.update shopify.collections.create shopify.draft_orders.create slack.url_verification slack.app_mention slack.message.channels slack.message.im slack.message.groups slack.reaction_added slack.reaction_removed slack.member_joined_channel slack.channel_created slack.team_join slack.user_change slack.app_home_opened slack.app_uninstalled slack.slash_command slack.block_actions square.payment.created square.payment.updated square.refund.created square.refund.updated square.order.created square.order.updated square.order.fulfillment.updated square.customer.created square.customer.updated square.customer.deleted square.invoice.published square.invoice.payment_made square.booking.created square.inventory.count.updated standard-webhooks.ping standard-webhooks.contact.created standard-webhooks.invoice.paid standard-webhooks.user.deleted stripe.payment_intent.created stripe.payment_intent.succeeded stripe.payment_intent.payment_failed stripe.payment_intent.canceled stripe.payment_intent.processing stripe.payment_intent.requires_action stripe.payment_intent.amount_capturable_updated stripe.charge.succeeded stripe.charge.failed stripe.charge.refunded stripe.charge.captured stripe.charge.updated stripe.charge.dispute.created stripe.charge.dispute.closed stripe.invoice.created stripe.invoice.finalized stripe.invoice.paid stripe.invoice.payment_succeeded stripe.invoice.payment_failed stripe.invoice.upcoming stripe.invoice.sent stripe.invoice.voided stripe.invoice.marked_uncollectible stripe.customer.subscription.created stripe.customer.subscription.updated stripe.customer.subscription.deleted stripe.customer.subscription.trial_will_end stripe.customer.subscription.paused stripe.customer.subscription.resumed stripe.checkout.session.completed stripe.checkout.session.expired stripe.checkout.session.async_payment_succeeded stripe.checkout.session.async_payment_failed stripe.customer.created stripe.customer.updated stripe.customer.deleted stripe.payout.paid stripe.payout.failed stripe.refund.created stripe.product.created stripe.price.created svix.message.attempt.exhausted svix.message.attempt.failing svix.message.attempt.recovered svix.endpoint.created svix.endpoint.updated svix.endpoint.deleted svix.endpoint.disabled twilio.message.received twilio.message.status twilio.call.incoming twilio.call.status twilio.recording.completed twilio.transcription.completed twitch.webhook_callback_verification twitch.revocation twitch.stream.online twitch.stream.offline twitch.channel.follow twitch.channel.subscribe twitch.channel.subscription.gift twitch.channel.cheer twitch.channel.raid twitch.channel.update twitch.channel.ban twitch.channel.channel_points_custom_reward_redemption.add typeform.form_response typeform.form_response_partial zoom.endpoint.url_validation zoom.meeting.created zoom.meeting.updated zoom.meeting.deleted zoom.meeting.started zoom.meeting.ended zoom.meeting.participant_joined zoom.meeting.participant_left zoom.recording.completed zoom.webinar.created zoom.webinar.started zoom.user.created zoom.user.updated business.created business.updated business.verified business.deleted review.created review.updated review.responded review.moderated user.registered user.subscription_changed api.rate_limit_exceeded api.quota_warning ticket.created ticket.updated ticket.status_changed ticket.priority_changed ticket.assigned ticket.commented ticket.resolved ticket.closed contact.created contact.updated contact.deleted conversation.started conversation.ended automation_rule.executed automation_rule.failed message.received message.sent sla.breached payment.received payment.succeeded payment.failed payment.refunded customer.created customer.updated sales_order.created sales_order.confirmed sales_order.cancelled invoice.created invoice.sent invoice.authorized invoice.rejected invoice.cancelled invoice.paid client.created form.submitted journey.completed wedding.date_changed booking.guest_count_changed"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signed-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --backoff)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-backoff)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__validate)
            opts="-p -H -q -v -h --event --provider --secret --private-key --key-id --set --data --request-header --catalog --header --algorithm --encoding --prefix --timestamp-header --signed-template --probes --timeout --slow --large-payload --checks --skip --strict --require-https --ca-cert --junit --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -W "calendly.invitee.created calendly.invitee.canceled calendly.invitee_no_show.created calendly.invitee_no_show.deleted calendly.routing_form_submission.created clerk.user.created clerk.user.updated clerk.user.deleted clerk.session.created clerk.session.ended clerk.session.removed clerk.session.revoked clerk.email.created clerk.sms.created clerk.organization.created clerk.organization.updated clerk.organization.deleted clerk.organizationMembership.created clerk.organizationInvitation.created discord.interaction.ping discord.interaction.application_command discord.interaction.message_component discord.interaction.modal_submit discord.webhook.ping discord.application_authorized discord.application_deauthorized discord.entitlement_create github.ping github.push github.create github.delete github.fork github.status github.workflow_dispatch github.watch github.deployment github.deployment_status github.commit_comment github.pull_request github.pull_request.opened github.pull_request.closed github.pull_request.reopened github.pull_request.synchronize github.pull_request.edited github.pull_request.labeled github.pull_request.review_requested github.pull_request.ready_for_review github.pull_request.assigned github.pull_request.unassigned github.pull_request.unlabeled github.pull_request.converted_to_draft github.pull_request.review_request_removed github.pull_request.milestoned github.pull_request.locked github.pull_request.unlocked github.pull_request_review github.pull_request_review.submitted github.pull_request_review.edited github.pull_request_review.dismissed github.pull_request_review_comment github.pull_request_review_comment.created github.pull_request_review_comment.edited github.pull_request_review_comment.deleted github.issues github.issues.opened github.issues.closed github.issues.reopened github.issues.edited github.issues.labeled github.issues.assigned github.issues.unassigned github.issues.unlabeled github.issues.milestoned github.issues.locked github.issues.unlocked github.issues.deleted github.issue_comment github.issue_comment.created github.issue_comment.edited github.issue_comment.deleted github.release github.release.published github.release.created github.release.released github.release.edited github.release.prereleased github.release.unpublished github.release.deleted github.workflow_run github.workflow_run.completed github.workflow_run.requested github.workflow_run.in_progress github.workflow_job github.workflow_job.completed github.workflow_job.queued github.workflow_job.in_progress github.workflow_job.waiting github.check_run github.check_run.completed github.check_run.created github.check_run.rerequested github.check_run.requested_action github.check_suite github.check_suite.completed github.check_suite.requested github.check_suite.rerequested github.star github.star.created github.star.deleted github.repository github.repository.created github.repository.renamed github.repository.archived github.repository.unarchived github.repository.publicized github.repository.privatized github.repository.deleted github.member github.member.added github.member.removed github.member.edited github.label github.label.created github.label.edited github.label.deleted github.milestone github.milestone.created github.milestone.closed github.milestone.opened github.milestone.edited github.milestone.deleted github.discussion github.discussion.created github.discussion.edited github.discussion.answered github.installation github.installation.created github.installation.deleted github.installation.suspend github.installation.unsuspend github.installation.new_permissions_accepted github.installation_repositories github.installation_repositories.added github.installation_repositories.removed github.package github.package.published github.package.updated github.security_advisory github.security_advisory.published github.security_advisory.updated github.security_advisory.withdrawn github.security_advisory.performed github.dependabot_alert github.dependabot_alert.created github.dependabot_alert.dismissed github.dependabot_alert.fixed github.dependabot_alert.reintroduced github.dependabot_alert.reopened github.secret_scanning_alert github.secret_scanning_alert.created github.secret_scanning_alert.reopened github.secret_scanning_alert.resolved github.secret_scanning_alert.revoked hubspot.contact.creation hubspot.contact.deletion hubspot.contact.propertyChange hubspot.contact.merge hubspot.contact.associationChange hubspot.contact.privacyDeletion hubspot.company.creation hubspot.company.deletion hubspot.company.propertyChange hubspot.deal.creation hubspot.deal.deletion hubspot.deal.propertyChange hubspot.ticket.creation hubspot.ticket.deletion hubspot.ticket.propertyChange hubspot.conversation.creation hubspot.conversation.newMessage intercom.ping intercom.conversation.user.created intercom.conversation.user.replied intercom.conversation.admin.replied intercom.conversation.admin.assigned intercom.conversation.admin.closed intercom.conversation.admin.opened intercom.conversation.admin.snoozed intercom.contact.user.created intercom.contact.lead.created intercom.contact.user.updated intercom.company.created intercom.ticket.created linear.issue.create linear.issue.update linear.issue.remove linear.comment.create linear.comment.update linear.project.create linear.project.update linear.projectupdate.create linear.cycle.create linear.issuelabel.create linear.reaction.create mailgun.accepted mailgun.delivered mailgun.failed.permanent mailgun.failed.temporary mailgun.opened mailgun.clicked mailgun.unsubscribed mailgun.complained paddle.transaction.created paddle.transaction.ready paddle.transaction.paid paddle.transaction.completed paddle.transaction.payment_failed paddle.subscription.created paddle.subscription.activated paddle.subscription.updated paddle.subscription.past_due paddle.subscription.paused paddle.subscription.canceled paddle.customer.created paddle.customer.updated paddle.adjustment.created pagerduty.incident.triggered pagerduty.incident.acknowledged pagerduty.incident.unacknowledged pagerduty.incident.resolved pagerduty.incident.reopened pagerduty.incident.escalated pagerduty.incident.reassigned pagerduty.incident.delegated pagerduty.incident.priority_updated pagerduty.incident.annotated pagerduty.incident.responder.added pagerduty.service.updated sendgrid.processed sendgrid.delivered sendgrid.deferred sendgrid.dropped sendgrid.bounce sendgrid.open sendgrid.click sendgrid.spamreport sendgrid.unsubscribe sendgrid.group_unsubscribe sendgrid.group_resubscribe shopify.orders.create shopify.orders.updated shopify.orders.paid shopify.orders.cancelled shopify.orders.fulfilled shopify.orders.partially_fulfilled shopify.orders.delete shopify.products.create shopify.products.update shopify.products.delete shopify.customers.create shopify.customers.update shopify.customers.delete shopify.carts.create shopify.carts.update shopify.checkouts.create shopify.checkouts.update shopify.refunds.create shopify.fulfillments.create shopify.fulfillments.update shopify.inventory_levels.update shopify.app.uninstalled shopify.shop.update shopify.collections.create shopify.draft_orders.create slack.url_verification slack.app_mention slack.message.channels slack.message.im slack.message.groups slack.reaction_added slack.reaction_removed slack.member_joined_channel slack.channel_created slack.team_join slack.user_change slack.app_home_opened slack.app_uninstalled slack.slash_command slack.block_actions square.payment.created square.payment.updated square.refund.created square.refund.updated square.order.created square.order.updated square.order.fulfillment.updated square.customer.created square.customer.updated square.customer.deleted square.invoice.published square.invoice.payment_made square.booking.created square.inventory.count.updated standard-webhooks.ping standard-webhooks.contact.created standard-webhooks.invoice.paid standard-webhooks.user.deleted stripe.payment_intent.created stripe.payment_intent.succeeded stripe.payment_intent.payment_failed stripe.payment_intent.canceled stripe.payment_intent.processing stripe.payment_intent.requires_action stripe.payment_intent.amount_capturable_updated stripe.charge.succeeded stripe.charge.failed stripe.charge.refunded stripe.charge.captured stripe.charge.updated stripe.charge.dispute.created stripe.charge.dispute.closed stripe.invoice.created stripe.invoice.finalized stripe.invoice.paid stripe.invoice.payment_succeeded stripe.invoice.payment_failed stripe.invoice.upcoming stripe.invoice.sent stripe.invoice.voided stripe.invoice.marked_uncollectible stripe.customer.subscription.created stripe.customer.subscription.updated stripe.customer.subscription.deleted stripe.customer.subscription.trial_will_end stripe.customer.subscription.paused stripe.customer.subscription.resumed stripe.checkout.session.completed stripe.checkout.session.expired stripe.checkout.session.async_payment_succeeded stripe.checkout.session.async_payment_failed stripe.customer.created stripe.customer.updated stripe.customer.deleted stripe.payout.paid stripe.payout.failed stripe.refund.created stripe.product.created stripe.price.created svix.message.attempt.exhausted svix.message.attempt.failing svix.message.attempt.recovered svix.endpoint.created svix.endpoint.updated svix.endpoint.deleted svix.endpoint.disabled twilio.message.received twilio.message.status twilio.call.incoming twilio.call.status twilio.recording.completed twilio.transcription.completed twitch.webhook_callback_verification twitch.revocation twitch.stream.online twitch.stream.offline twitch.channel.follow twitch.channel.subscribe twitch.channel.subscription.gift twitch.channel.cheer twitch.channel.raid twitch.channel.update twitch.channel.ban twitch.channel.channel_points_custom_reward_redemption.add typeform.form_response typeform.form_response_partial zoom.endpoint.url_validation zoom.meeting.created zoom.meeting.updated zoom.meeting.deleted zoom.meeting.started zoom.meeting.ended zoom.meeting.participant_joined zoom.meeting.participant_left zoom.recording.completed zoom.webinar.created zoom.webinar.started zoom.user.created zoom.user.updated business.created business.updated business.verified business.deleted review.created review.updated review.responded review.moderated user.registered user.subscription_changed api.rate_limit_exceeded api.quota_warning ticket.created ticket.updated ticket.status_changed ticket.priority_changed ticket.assigned ticket.commented ticket.resolved ticket.closed contact.created contact.updated contact.deleted conversation.started conversation.ended automation_rule.executed automation_rule.failed message.received message.sent sla.breached payment.received payment.succeeded payment.failed payment.refunded customer.created customer.updated sales_order.created sales_order.confirmed sales_order.cancelled invoice.created invoice.sent invoice.authorized invoice.rejected invoice.cancelled invoice.paid client.created form.submitted journey.completed wedding.date_changed booking.guest_count_changed" -- "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signed-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --probes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --slow)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --large-payload)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --checks)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --skip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --junit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookctl__subcmd__verify)
            opts="-p -H -q -v -h --provider --secret --public-key --request --log --body-file --body --request-header --url --method --tolerance --now --header --algorithm --encoding --prefix --timestamp-header --signed-template --json --color --quiet --verbose --config --db --no-input --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "auto airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "auto airtable asana autodesk bitbucket box brex buildkite cal-com calendly castle chargify circleci clerk coinbase-commerce contentful discord docusign dropbox facebook frameio github gitlab gocardless google hubspot instagram intercom jira launchdarkly lemonsqueezy line linear mailgun mandrill microsoft-teams modern-treasury mongodb mux notion okta orb paddle pagerduty persona plaid postmark pusher recurly resend salesforce segment sendgrid sentry shopify slack sonatype-nexus square standard-webhooks stripe svix terraform tiktok trello twilio twitch twitter typeform vercel webex whatsapp worldline xero zendesk zoom generic" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signed-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _hookctl -o nosort -o bashdefault -o default hookctl
else
    complete -F _hookctl -o bashdefault -o default hookctl
fi
