"""A demo indicator catalogue: what sub-district reports commonly count, with the phrases they use.

Built from the seed report (城西街道 2024) and the usual contents of such reports (domain.md). Aliases are
phrases as reports write them, specific enough to name one indicator: "排查矛盾纠纷", not "矛盾纠纷",
which "调处企业矛盾纠纷38件" would also match.
"""

from django.db import transaction

from indicators.models import Indicator, IndicatorRule
from indicators.national_catalogue import parse_table

# One indicator a line: code | name | unit | aliases (space-separated); "[category]" starts a group.
# Kept as a table so that the whole catalogue reads on one screen.
TABLE = """
[study] 学法培训
central_group_study        | 党工委中心组学法 | 次 | 中心组学法 中心组集体学法
pre_meeting_study          | 会前学法 | 次 | 会前学法 会前学法活动
law_lectures               | 法治讲座 | 期 | 法治讲座 习近平法治思想法治讲座
lecture_trainees           | 习近平法治思想宣讲受训 | 人次 | 宣讲受训 接受习近平法治思想宣讲 法治思想宣讲受训
cadre_law_training         | 干部职工法治学习培训 | 人次 | 干部职工法治学习培训 法治学习培训 干部学法培训
law_exam_pass_rate         | 干部学法考试合格率 | % | 学法考试合格率 学法用法考试合格率
[publicity] 普法宣传
legal_understanders        | 培养法律明白人 | 人 | 法律明白人 培养法律明白人
school_lectures            | 进校园法治讲座 | 场次 | 法治、安全讲座 法治进校园讲座 校园法治讲座
publicity_events           | 集中宣传咨询活动 | 次 | 宣传咨询活动 集中宣传活动 普法宣传活动
leaflets                   | 发放宣传资料 | 份 | 宣传资料 普法资料 宣传册
consultations              | 接受群众咨询 | 次 | 群众咨询 接受咨询 法律咨询
mass_meetings              | 召开群众会 | 场次 | 群众会 院坝会
wechat_posts               | 微信推送宣传信息 | 条 | 推送宣传信息 微信推送 推送普法信息
banners                    | 制作宣传横幅 | 幅 | 宣传横幅
people_reached             | 普法受众 | 人次 | 受教育群众 覆盖群众 普法受众
[decisions] 依法决策
major_decisions            | 重大行政决策 | 件 | 重大行政决策事项 作出重大行政决策
normative_doc_review       | 规范性文件合法性审查 | 件 | 规范性文件合法性审查 审查规范性文件 审核规范性文件
contract_review            | 合同合法性审查 | 份 | 合同合法性审查 审查合同 审核合同
legal_opinions             | 法律顾问出具法律意见 | 件 | 出具法律意见 法律意见书
rule_of_law_meetings       | 法治政府专题会 | 次 | 法治政府专题会 法治建设专题会
[enforcement] 行政执法
road_joint_enforcement     | 道路交通联合执法 | 次 | 联合执法 道路交通联合执法
key_area_joint_enforcement | 重点领域联合执法 | 次 | 重点领域联合执法
vehicles_checked           | 检查车辆 | 辆 | 检查车辆
traffic_violations         | 查处交通违法行为 | 人次 | 查处违法行为 查处交通违法行为
station_enforcement        | 驻站执法 | 次 | 驻站执法
key_places_checked         | 检查重点领域及场所 | 家次 | 检查重点领域及场所 检查重点场所
hazards_found              | 发现安全隐患 | 条 | 安全隐患 发现隐患 排查隐患
major_hazards              | 重大安全隐患 | 条 | 重大隐患 重大安全隐患
small_venues_checked       | 排查九小场所 | 家 | 九小场所 九小城所
fireworks_seized           | 没收非法烟花爆竹 | 件 | 没收非法烟花爆竹
environment_cleanups       | 环境卫生综合整治 | 次 | 环境卫生综合整治
parking_corrected          | 规范车辆乱停放 | 起 | 规范车辆乱停放 车辆乱停放
food_licences              | 办理食品经营许可证 | 家 | 食品经营许可证 食品经营许可
banquet_inspections        | 检查农村宴席 | 家 | 检查农村宴席 农村集体聚餐
penalty_cases              | 行政处罚案件 | 件 | 行政处罚案件 办理行政处罚 作出行政处罚
fines                      | 罚没金额 | 元 | 罚没金额 罚没款 罚款
enforcement_inspections    | 执法检查 | 次 | 开展执法检查 执法检查
certified_staff_rate       | 执法人员持证率 | % | 持证率 持证上岗率
[disputes] 矛盾纠纷化解
enterprise_disputes        | 调处企业矛盾纠纷 | 件 | 调处企业矛盾纠纷 企业矛盾纠纷
enterprise_issues          | 帮助企业解决问题 | 件次 | 法律建议等问题 解决企业问题
petitions_handled          | 处理群众信访事项 | 件 | 信访事项 信访案件 受理信访
online_petition_share      | 网上信访占比 | % | 网上信访占比 网上信访量占信访总量
petition_acceptance_rate   | 信访及时受理率 | % | 及时受理率
petition_closing_rate      | 信访按期办结率 | % | 按期办结率
petition_satisfaction      | 信访群众满意度 | % | 群众满意度 满意率
warnings_handled           | 处理反馈预警信息 | 次 | 反馈预警信息 处置预警信息
leader_visits              | 领导干部下访接访 | 次 | 下访接访 领导接访 领导干部接访
reasonable_demands         | 解决群众合理诉求 | 件 | 解决群众合理诉求 合理诉求
disputes_screened          | 排查矛盾纠纷 | 件 | 排查矛盾纠纷 排查化解矛盾纠纷
disputes_mediated          | 调解成功矛盾纠纷 | 件 | 调解成功 成功调解
mediation_rate             | 矛盾纠纷调解率 | % | 调解率
mediation_success_rate     | 调解成功率 | % | 调解成功率 成功率
reconsideration_cases      | 行政复议案件 | 件 | 行政复议案件 被申请行政复议
lawsuits                   | 行政诉讼案件 | 件 | 行政诉讼案件 行政应诉案件
court_appearance_rate      | 负责人出庭应诉率 | % | 出庭应诉率
lawsuit_defeat_rate        | 行政诉讼败诉率 | % | 败诉率
[openness] 政务公开
government_info            | 主动公开政务信息 | 条 | 主动公开政务信息 公开政务信息 政务信息
village_info               | 公开居务村务信息 | 条 | 居务村务信息 村务信息 居务信息
disclosure_requests        | 依申请公开 | 件 | 依申请公开 政府信息公开申请
"""


CATALOGUE = parse_table(TABLE)

# Cross-indicator checks the sheet applies: (kind, indicator, other, base).
RULES = [
    (IndicatorRule.Kind.AT_MOST, "disputes_mediated", "disputes_screened", None),
    (IndicatorRule.Kind.RATE, "mediation_success_rate", "disputes_mediated", "disputes_screened"),
]


def install_catalogue(district, first_year):
    """Create or update the catalogue's indicators for ``district``, in list order; returns how many.

    Running it again updates names, units and aliases but keeps each indicator's ``first_year``.
    """
    with transaction.atomic():
        for position, entry in enumerate(CATALOGUE, start=1):
            fields = {**entry, "aliases": "\n".join(entry["aliases"]), "position": position}
            fields.pop("code")
            Indicator.objects.update_or_create(
                district=district,
                code=entry["code"],
                defaults=fields,
                create_defaults={**fields, "first_year": first_year},
            )
        by_code = {i.code: i for i in Indicator.objects.filter(district=district)}
        for kind, indicator, other, base in RULES:
            IndicatorRule.objects.get_or_create(
                district=district,
                kind=kind,
                indicator=by_code[indicator],
                other=by_code[other],
                base=by_code.get(base),
            )
    return len(CATALOGUE)
