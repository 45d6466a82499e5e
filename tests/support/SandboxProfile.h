#pragma once

// A transient connection profile for the window's tests: the sandbox's URL, the environment of the key.

#include "gui/session/Profiles.h"
#include "sandbox/ClerkSandbox.h"

namespace InviteDesk::Testing {

inline ConnectionProfile sandboxProfile(const Sandbox::ClerkSandbox &sandbox, const QString &key)
{
    using namespace Qt::StringLiterals;
    ConnectionProfile profile;
    profile.id = u"test"_s;
    profile.name = u"Test instance"_s;
    profile.apiUrl = sandbox.apiUrl();
    profile.environment = environmentOfKey(key);
    profile.keyFromEnvironment = true;
    return profile;
}

} // namespace InviteDesk::Testing
