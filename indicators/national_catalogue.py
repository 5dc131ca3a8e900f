"""The default catalogue that ships with the app: the rule-of-law indicators most reports state, with the
wordings offices across the country use for them.

A district copies it in its year set-up (``indicators.catalogue.copy_national_catalogue``) and adapts it:
renames, retires, adds its own, teaches it aliases from imported reports. Aliases are phrases as reports
write them (collected from published 街道, 乡镇, 区县 and 部门 reports, see tests/corpus/); the finder
(``indicators.extraction``) matches them next to a figure in a compatible measure word, so "行政复议申请"
names the reconsideration count whether the report writes 件 or 宗.
"""

from .models import Indicator

# One indicator a line: code | name | unit | aliases (space-separated); "[category]" starts a group.
TABLE = """
[study] 学法培训
central_group_study    | 理论学习中心组学法 | 次 | 中心组学法 中心组集体学法 中心组专题学法 中心组专题学习 中心组学习 理论学习中心组 专题学法 专题学习 集体学法 班子集体学法 法治学习 中心组集中学习 中心组集体学习 中心组集中学法 领导班子学法 班子学法
cadre_study            | 干部职工集中学法 | 次 | 干部职工学法 干部职工集中学习 职工学法 集中学法 集中学习 干部职工集体学法 干部集体学法 干部专题学法 干部学法 机关集体学法
pre_meeting_study      | 会前学法 | 次 | 会前学法 周例会学法 例会学法 党工委会学法 党委会学法 党组会学法 常务会学法 常务会集体学法 常务会议学法 常务会议集体学法 会前集中学法 会前集体学法
law_training           | 法治培训 | 次 | 法治培训 执法人员法治培训 法治讲座 专题培训 业务培训 警示教育 执法实务培训 法治专题培训 专题讲座 法律知识培训 法治知识培训 执法规范化培训 执法培训 执法能力培训 法律法规培训 培训班 执法人员培训 习近平法治思想培训 法律讲座
law_training_attendance | 法治培训受训人次 | 人次 | 受训 参训 培训人员 学习培训 法治培训 培训
cadres_trained         | 参加学法考法的干部 | 人 | 镇村干部 机关干部 干部职工 参训人员 工作人员参加 干部参加 领导干部 参加考试
law_exams              | 学法考试 | 次 | 考试 法律知识考试 学法考试 网上测试
law_exam_participation | 学法考试参考率 | % | 参考率 参与率
law_exam_pass_rate     | 学法考试合格率 | % | 合格率 通过率 考试通过率 及格率
enforcement_exam_pass_rate | 行政执法资格考试通过率 | % | 执法资格考试通过率 执法资格通过率 资格考试通过率 资格通过率
[publicity] 普法宣传
publicity_events       | 普法宣传活动 | 次 | 普法宣传活动 法治宣传活动 普法活动 宣传活动 法治宣传 普法宣传 宣讲活动 主题学习宣讲活动 法治流动课堂 普法专场 法律进村宣讲 进村宣讲 普法讲座 宣传咨询活动 专题宣讲 法治宣讲 普法宣讲 法治讲座 普法 宣讲 宣传教育 法律进村 法律进社区 法治进校园 送法进校园 法律进校园 送法下乡
publicity_audience     | 普法受众 | 人次 | 覆盖群众 受众 参与群众 覆盖特殊群体 受教育群众 参与学习
leaflets               | 发放宣传资料 | 份 | 宣传资料 宣传材料 普法资料 宣传册 法治宣传资料 小册子 宣传手册 宣传单 读本 手册 折页 明白纸 发放材料
banners                | 悬挂宣传横幅 | 条 | 横幅 宣传横幅 标语
legal_understanders    | 法律明白人 | 人 | 法律明白人
consultations          | 解答法律咨询 | 人次 | 法律咨询 群众咨询 解答咨询 接受咨询 解答群众咨询
[decisions] 依法决策
major_decisions        | 重大行政决策 | 件 | 重大行政决策 重大决策
legality_reviews       | 合法性审查 | 件 | 合法性审查 合法性审核 法制审核 法制审查 审查意见书
normative_documents    | 规范性文件备案审查 | 件 | 规范性文件 规范性文件备案 备案审查 合法性审核备案
contract_reviews       | 合同审查 | 份 | 合同审查 审查合同 审核合同 合同
legal_advisers         | 法律顾问 | 名 | 法律顾问
legislative_opinions   | 提出立法意见建议 | 条 | 立法相关意见 立法意见 意见建议
rule_of_law_meetings   | 法治建设专题会议 | 次 | 专题会议 专题部署会议 党工委会议 党组会议 常务会议 法治政府建设专题会议 专题研究 听取法治工作汇报 领导机构会议 领导小组会议 专题部署会 依法治街委员会会议 依法治镇委员会会议 依法治乡委员会会议 专题党委会议 党委专题会议 法治建设工作汇报 专题工作汇报 法治政府建设工作汇报 专题会 法治建设工作会议
rule_of_law_issues     | 研究解决法治建设重点问题 | 项 | 重点问题 重大问题 难点问题 重点难点问题 重点难点事项
[enforcement] 行政执法
penalty_cases          | 行政处罚案件 | 件 | 行政处罚案件 处罚案件 立案查处 查处 行政执法案件 一般程序案件 实施行政处罚
inspections            | 行政执法检查 | 次 | 执法检查 检查 联合执法 专项整治 专项检查 执法行动 专项行动
enforcement_officers   | 持证执法人员 | 人 | 持证 行政执法证
fines                  | 罚没金额 | 万元 | 罚没金额 罚没 罚款 处罚金额
services_handled       | 办理政务服务事项 | 件 | 行政审批服务事项 便民服务事项 审批服务事项 办件 行政许可申请 审批业务 受理行政许可 办理行政许可 办理业务 不动产登记 办理行政审批事项
[disputes] 矛盾纠纷化解
reconsideration_cases  | 行政复议案件 | 件 | 行政复议申请 行政复议案件 行政复议
reconsideration_closed | 行政复议办结 | 件 | 已办结 办结行政复议案件 审结行政复议案件
lawsuits               | 行政诉讼（应诉）案件 | 件 | 行政应诉案件 行政诉讼案件 应诉案件 被诉 行政诉讼
court_appearances      | 负责人出庭应诉 | 件 | 出庭应诉案件 负责人出庭应诉 出庭应诉
court_appearance_rate  | 负责人出庭应诉率 | % | 出庭应诉率 出庭率
lawsuit_defeats        | 行政诉讼败诉 | 件 | 败诉
disputes_screened      | 排查矛盾纠纷 | 件 | 排查矛盾纠纷 排查化解矛盾纠纷 矛盾纠纷排查
disputes_mediated      | 调解矛盾纠纷 | 件 | 调解成功 成功调解 调解矛盾纠纷 调处矛盾纠纷 人民调解 调解案件 化解矛盾纠纷 成功化解
mediation_success_rate | 调解成功率 | % | 调解成功率 成功率 化解率
petitions              | 信访事项 | 件 | 信访事项 信访件 信访案件 受理信访 群众来信来访
legal_aid              | 法律援助案件 | 件 | 法律援助案件 法律援助 援助案件
public_legal_services  | 公共法律服务 | 件 | 公共法律服务 法律服务
[openness] 政务公开
government_info        | 主动公开政府信息 | 条 | 政府信息 政务信息 主动公开 公开信息
disclosure_requests    | 依申请公开 | 件 | 依申请公开 政府信息公开申请 信息公开申请
"""


# Study and meetings: a report's figure for them is often another body's (the county committee's group, the
# government's executive meetings in a bureau's report) or several bodies' together, which only the clause's
# subject tells. The import lists such a value unticked, for the user to confirm against its sentence
# (on the corpus's first runs 95 of 158 such suggestions were right, 199 of 249 of the others:
# docs/figures-corpus.md).
CONFIRM_ON_IMPORT = {"central_group_study", "cadre_study", "pre_meeting_study", "rule_of_law_meetings"}


def _entry(line, category):
    code, name, unit, aliases = (part.strip() for part in line.split("|"))
    entry = {
        "code": code,
        "name": name,
        "unit": unit,
        "category": category,
        "aliases": aliases.split(),
        "confirm_on_import": code in CONFIRM_ON_IMPORT,
    }
    if unit == "%":
        return {**entry, "kind": Indicator.Kind.PERCENT, "min_value": 0, "max_value": 100}
    kind = Indicator.Kind.AMOUNT if unit.endswith("元") else Indicator.Kind.COUNT
    return {**entry, "kind": kind, "min_value": 0}


def parse_table(table):
    entries, category = [], None
    for line in filter(None, map(str.strip, table.splitlines())):
        if line.startswith("["):
            category = Indicator.Category(line[1 : line.index("]")])
        else:
            entries.append(_entry(line, category))
    return entries


NATIONAL_CATALOGUE = parse_table(TABLE)
