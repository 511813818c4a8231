// The handlers, one file per resource under handlers/; each is a plain function the
// route table (routes.cpp) points at. Dispatch has already checked the caller's role
// (req.auth is set on every non-public route); the services check the data scope.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "http/services.h"

namespace jincai::http {

// health.cpp, service_info.cpp
Response HandleHealthz(const Request& req, Services& services);
Response HandleMetrics(const Request& req, Services& services);
Response HandleOpenApi(const Request& req, Services& services);
Response HandleReference(const Request& req, Services& services);

// auth.cpp
Response HandleRegisterTalent(const Request& req, Services& services);
Response HandleRegisterEmployer(const Request& req, Services& services);
Response HandleLogin(const Request& req, Services& services);
Response HandleLogout(const Request& req, Services& services);
Response HandleSession(const Request& req, Services& services);
Response HandleChangePassword(const Request& req, Services& services);

// users.cpp
Response HandleListUsers(const Request& req, Services& services);
Response HandleCreateUser(const Request& req, Services& services);

// employers.cpp
Response HandleListEmployers(const Request& req, Services& services);
Response HandleGetEmployer(const Request& req, Services& services);
Response HandleCreateEmployer(const Request& req, Services& services);
Response HandleUpdateEmployer(const Request& req, Services& services);

// talents.cpp
Response HandleListTalents(const Request& req, Services& services);
Response HandleGetTalent(const Request& req, Services& services);
Response HandleUpdateTalent(const Request& req, Services& services);
Response HandlePreviewTalent(const Request& req, Services& services);

// applications.cpp
Response HandleCreateApplication(const Request& req, Services& services);
Response HandleListApplications(const Request& req, Services& services);
Response HandleGetApplication(const Request& req, Services& services);
Response HandleApplicationStatus(const Request& req, Services& services);
Response HandleApplicationAction(const Request& req, Services& services);

// cards.cpp
Response HandleGetCard(const Request& req, Services& services);
Response HandleGetCardPng(const Request& req, Services& services);
Response HandleTrustList(const Request& req, Services& services);
Response HandleRevocations(const Request& req, Services& services);
Response HandleVerifyCard(const Request& req, Services& services);

// claims.cpp
Response HandleListClaims(const Request& req, Services& services);
Response HandleOpenClaim(const Request& req, Services& services);
Response HandleGetClaim(const Request& req, Services& services);
Response HandleClaimAction(const Request& req, Services& services);
Response HandleRecordPayment(const Request& req, Services& services);
Response HandleAllowancesDue(const Request& req, Services& services);
Response HandleGetLetter(const Request& req, Services& services);

// flats.cpp
Response HandleListFlats(const Request& req, Services& services);
Response HandleAddFlat(const Request& req, Services& services);
Response HandleRetireFlat(const Request& req, Services& services);

// schools.cpp
Response HandleListSchools(const Request& req, Services& services);
Response HandleAddSchool(const Request& req, Services& services);
Response HandleUpdateSchool(const Request& req, Services& services);
Response HandleRunPlacement(const Request& req, Services& services);
Response HandleLatestPlacement(const Request& req, Services& services);

// policies.cpp
Response HandleListPolicies(const Request& req, Services& services);
Response HandleGetPolicy(const Request& req, Services& services);
Response HandleUploadPolicy(const Request& req, Services& services);
Response HandleCheckPolicy(const Request& req, Services& services);

// simulations.cpp
Response HandleSimulationParameters(const Request& req, Services& services);
Response HandleRunSimulation(const Request& req, Services& services);
Response HandleReformFile(const Request& req, Services& services);

// statistics.cpp
Response HandleStatistics(const Request& req, Services& services);
Response HandleStatisticsCsv(const Request& req, Services& services);
Response HandleStatisticsXlsx(const Request& req, Services& services);

// news.cpp
Response HandleListNews(const Request& req, Services& services);
Response HandleGetNews(const Request& req, Services& services);
Response HandlePublishNews(const Request& req, Services& services);
Response HandleEditNews(const Request& req, Services& services);
Response HandleWithdrawNews(const Request& req, Services& services);
Response HandleNewsFeed(const Request& req, Services& services);
Response HandlePreviewNews(const Request& req, Services& services);

// positions.cpp
Response HandleSearchPositions(const Request& req, Services& services);
Response HandlePositionsFeed(const Request& req, Services& services);
Response HandleGetPosition(const Request& req, Services& services);
Response HandlePostPosition(const Request& req, Services& services);
Response HandleEditPosition(const Request& req, Services& services);
Response HandleClosePosition(const Request& req, Services& services);
Response HandleEmployerPositions(const Request& req, Services& services);
Response HandlePositionCandidates(const Request& req, Services& services);
Response HandleApplyToPosition(const Request& req, Services& services);
Response HandlePositionApplications(const Request& req, Services& services);
Response HandleMyPositionApplications(const Request& req, Services& services);
Response HandleGetPositionApplication(const Request& req, Services& services);
Response HandlePositionApplicationAction(const Request& req, Services& services);
Response HandleGetMarketProfile(const Request& req, Services& services);
Response HandlePutMarketProfile(const Request& req, Services& services);
Response HandleMarketMatches(const Request& req, Services& services);

// flows.cpp
Response HandleListFlows(const Request& req, Services& services);
Response HandleRecordFlow(const Request& req, Services& services);
Response HandleFlowSummary(const Request& req, Services& services);
Response HandleListBusinessLeaves(const Request& req, Services& services);
Response HandleGrantBusinessLeave(const Request& req, Services& services);
Response HandleEndBusinessLeave(const Request& req, Services& services);

// audit.cpp
Response HandleListAudit(const Request& req, Services& services);
Response HandleVerifyAudit(const Request& req, Services& services);

}  // namespace jincai::http
